package dev.vk.kubeletapi.auth;

import static dev.vk.kubeletapi.testing.EmbeddedHttp.body;
import static dev.vk.kubeletapi.testing.EmbeddedHttp.get;
import static dev.vk.kubeletapi.testing.EmbeddedHttp.json;
import static dev.vk.kubeletapi.testing.EmbeddedHttp.response;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vk.kubeletapi.http.HealthzRoute;
import dev.vk.kubeletapi.http.RequestDispatcher;
import dev.vk.kubeletapi.http.Router;
import dev.vk.kubeletapi.spi.AccessAttributes;
import dev.vk.kubeletapi.spi.AccessDecision;
import dev.vk.kubeletapi.spi.KubeletApiException;
import dev.vk.kubeletapi.spi.UserInfo;
import dev.vk.kubeletapi.testing.EmbeddedHttp;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AuthFilterTest {
  private final List<AccessAttributes> asked = new ArrayList<>();
  private final List<String> seenProtocols = new ArrayList<>();
  private final AccessControl accessControl =
      new AccessControl(
          "vk-1",
          token ->
              switch (token) {
                case "alice-token" -> Optional.of(UserInfo.of("alice", List.of("dev")));
                case "bob-token" -> Optional.of(UserInfo.of("bob", List.of()));
                case "broken" ->
                    throw new KubeletApiException(
                        KubeletApiException.Kind.UNAVAILABLE, "TokenReview failed");
                default -> Optional.empty();
              },
          (user, attributes) -> {
            asked.add(attributes);
            if (user.name().equals("bob") && attributes.subresource().equals("pods")) {
              throw new KubeletApiException(KubeletApiException.Kind.UNAVAILABLE, "SAR failed");
            }
            return user.name().equals("alice") && attributes.subresource().equals("proxy")
                ? AccessDecision.allow()
                : AccessDecision.deny("RBAC says no");
          });
  private final EmbeddedChannel channel =
      new EmbeddedChannel(
          new AuthFilter(accessControl, EmbeddedHttp.DIRECT),
          new RequestDispatcher(
              Router.builder()
                  .route("/healthz", new HealthzRoute(), HttpMethod.GET)
                  .route("/pods", new HealthzRoute(), HttpMethod.GET)
                  .route("/stats/summary", new HealthzRoute(), HttpMethod.GET)
                  .route(
                      "/exec/{namespace}/{pod}/{container}",
                      e -> {
                        seenProtocols.add(e.headers().get(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL));
                        new HealthzRoute().handle(e);
                      },
                      HttpMethod.GET)
                  .build(),
              EmbeddedHttp.DIRECT));

  private FullHttpResponse send(String uri, String token) {
    FullHttpRequest request = get(uri);
    if (token != null) {
      request.headers().set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token);
    }
    channel.writeInbound(request);
    return response(channel);
  }

  @Test
  @DisplayName("no credentials: 401 with a Status body")
  void anonymous() {
    FullHttpResponse r = send("/pods", null);
    assertThat(r.status().code()).isEqualTo(401);
    JsonNode status = json(r);
    assertThat(status.get("kind").asText()).isEqualTo("Status");
    assertThat(status.get("reason").asText()).isEqualTo("Unauthorized");
    assertThat(status.get("code").asInt()).isEqualTo(401);
  }

  @Test
  @DisplayName("/healthz answers probes without credentials and asks no reviewer")
  void healthzIsAnonymous() {
    FullHttpResponse r = send("/healthz", null);
    assertThat(r.status().code()).isEqualTo(200);
    assertThat(body(r)).isEqualTo("ok");
    assertThat(asked).isEmpty();
  }

  @Test
  @DisplayName("an unknown token or a failed token review is a 401")
  void badTokens() {
    assertThat(send("/pods", "nobody").status().code()).isEqualTo(401);
    assertThat(send("/pods", "broken").status().code()).isEqualTo(401);
  }

  @Test
  @DisplayName("an allowed user passes, after the fine-grained subresource then proxy")
  void allowed() {
    FullHttpResponse r = send("/pods", "alice-token");
    assertThat(r.status().code()).isEqualTo(200);
    assertThat(body(r)).isEqualTo("ok");
    assertThat(asked).extracting(AccessAttributes::subresource).containsExactly("pods", "proxy");
    assertThat(asked.get(0).name()).isEqualTo("vk-1");
  }

  @Test
  @DisplayName("a denied user gets 403 naming user, verb and subresources")
  void denied() {
    FullHttpResponse r = send("/stats/summary", "alice-token");
    assertThat(r.status().code()).isEqualTo(403);
    JsonNode status = json(r);
    assertThat(status.get("reason").asText()).isEqualTo("Forbidden");
    assertThat(status.get("message").asText())
        .isEqualTo("Forbidden (user=alice, verb=get, resource=nodes, subresource(s)=[stats])");
  }

  @Test
  @DisplayName("an authorizer failure is a 500")
  void authorizerFails() {
    assertThat(send("/pods", "bob-token").status().code()).isEqualTo(500);
  }

  @Test
  @DisplayName("a WebSocket token subprotocol authenticates and is removed before negotiation")
  void websocketToken() {
    FullHttpRequest request = get("/exec/ns/p/c");
    String encoded =
        Base64.getUrlEncoder().withoutPadding().encodeToString("alice-token".getBytes());
    request
        .headers()
        .set(
            HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL,
            "v4.channel.k8s.io, base64url.bearer.authorization.k8s.io." + encoded);
    channel.writeInbound(request);
    assertThat(response(channel).status().code()).isEqualTo(200);
    assertThat(seenProtocols).containsExactly("v4.channel.k8s.io");
  }

  @Test
  @DisplayName("requests pipelined behind a check are answered in order")
  void order() {
    FullHttpRequest first = get("/healthz");
    FullHttpRequest second = get("/stats/summary");
    first.headers().set(HttpHeaderNames.AUTHORIZATION, "Bearer alice-token");
    channel.writeInbound(first, second);
    assertThat(response(channel).status().code()).isEqualTo(200);
    assertThat(response(channel).status().code()).isEqualTo(401);
  }
}
