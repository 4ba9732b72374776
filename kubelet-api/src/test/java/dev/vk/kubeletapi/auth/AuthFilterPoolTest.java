package dev.vk.kubeletapi.auth;

import static dev.vk.kubeletapi.testing.EmbeddedHttp.get;
import static dev.vk.kubeletapi.testing.EmbeddedHttp.json;
import static dev.vk.kubeletapi.testing.EmbeddedHttp.response;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vk.kubeletapi.http.HealthzRoute;
import dev.vk.kubeletapi.http.RequestDispatcher;
import dev.vk.kubeletapi.http.Router;
import dev.vk.kubeletapi.spi.AccessDecision;
import dev.vk.kubeletapi.spi.UserInfo;
import dev.vk.kubeletapi.testing.EmbeddedHttp;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The authentication pool is bounded: when full, known clients still pass, others get 503. */
class AuthFilterPoolTest {
  private boolean poolFull;
  private final Executor pool =
      task -> {
        if (poolFull) {
          throw new RejectedExecutionException("full");
        }
        task.run();
      };
  private final AccessControl accessControl =
      new AccessControl(
          "vk",
          new CachingTokenReviewer(
              token ->
                  token.equals("good")
                      ? Optional.of(UserInfo.of("alice", List.of()))
                      : Optional.empty(),
              Duration.ofMinutes(2),
              System::nanoTime),
          new CachingAccessReviewer(
              (user, attributes) -> AccessDecision.allow(),
              Duration.ofMinutes(5),
              Duration.ofSeconds(30),
              System::nanoTime));
  private final EmbeddedChannel channel =
      new EmbeddedChannel(
          new AuthFilter(accessControl, pool),
          new RequestDispatcher(
              Router.builder().route("/pods", new HealthzRoute(), HttpMethod.GET).build(),
              EmbeddedHttp.DIRECT));

  private FullHttpResponse send(String token) {
    FullHttpRequest request = get("/pods");
    request.headers().set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token);
    channel.writeInbound(request);
    return response(channel);
  }

  @Test
  @DisplayName("a full pool: 503 with Retry-After for unknown tokens, cached ones still pass")
  void fullPool() {
    assertThat(send("good").status().code()).isEqualTo(200);
    poolFull = true;
    assertThat(send("good").status().code()).as("answered from the caches").isEqualTo(200);
    FullHttpResponse busy = send("someone-else");
    assertThat(busy.status().code()).isEqualTo(503);
    assertThat(busy.headers().get(HttpHeaderNames.RETRY_AFTER)).isEqualTo("1");
    JsonNode status = json(busy);
    assertThat(status.get("reason").asText()).isEqualTo("ServiceUnavailable");
    assertThat(status.get("message").asText())
        .isEqualTo("the node is busy: too many requests in progress");
    assertThat(status.get("details").get("retryAfterSeconds").asInt()).isEqualTo(1);
  }
}
