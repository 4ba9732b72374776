package dev.vk.kubeletapi.http;

import static dev.vk.kubeletapi.testing.EmbeddedHttp.body;
import static dev.vk.kubeletapi.testing.EmbeddedHttp.get;
import static dev.vk.kubeletapi.testing.EmbeddedHttp.json;
import static dev.vk.kubeletapi.testing.EmbeddedHttp.request;
import static dev.vk.kubeletapi.testing.EmbeddedHttp.response;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vk.kubeletapi.spi.JsonBody;
import dev.vk.kubeletapi.spi.KubeletApiException;
import dev.vk.kubeletapi.testing.EmbeddedHttp;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RequestDispatcherTest {
  private final List<Exchange> held = new ArrayList<>();
  private final Router router =
      Router.builder()
          .route("/healthz", new HealthzRoute(), HttpMethod.GET)
          .route("/json", new JsonRoute(() -> JsonBody.of(Map.of("a", 1))), HttpMethod.GET)
          .route(
              "/raw", new JsonRoute(() -> JsonBody.raw("{\"kind\":\"PodList\"}")), HttpMethod.GET)
          .route("/missing", new NotImplementedRoute("pod listing"), HttpMethod.GET)
          .route(
              "/boom",
              e -> {
                throw new IllegalStateException("boom");
              },
              HttpMethod.GET)
          .route(
              "/gone",
              new JsonRoute(
                  () -> {
                    throw KubeletApiException.notFound("pod ns/p not found");
                  }),
              HttpMethod.GET)
          .route("/hold", held::add, HttpMethod.GET)
          .build();
  private final EmbeddedChannel channel = EmbeddedHttp.dispatcher(router);

  @Test
  @DisplayName("/healthz answers 200 ok")
  void healthz() {
    channel.writeInbound(get("/healthz"));
    FullHttpResponse r = response(channel);
    assertThat(r.status()).isEqualTo(HttpResponseStatus.OK);
    assertThat(body(r)).isEqualTo("ok");
  }

  @Test
  @DisplayName("an unknown path is a 404 with a full Status body")
  void notFound() {
    channel.writeInbound(get("/nope?x=1"));
    FullHttpResponse r = response(channel);
    assertThat(r.status().code()).isEqualTo(404);
    assertThat(r.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("application/json");
    JsonNode status = json(r);
    assertThat(status.toString())
        .isEqualTo(
            "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                + "\"message\":\"404 request not found: /nope\",\"reason\":\"NotFound\",\"code\":404}");
  }

  @Test
  @DisplayName("a wrong method is a 405 with an Allow header and a Status body")
  void methodNotAllowed() {
    channel.writeInbound(request(HttpMethod.POST, "/healthz"));
    FullHttpResponse r = response(channel);
    assertThat(r.status().code()).isEqualTo(405);
    assertThat(r.headers().get(HttpHeaderNames.ALLOW)).isEqualTo("GET");
    assertThat(json(r).get("reason").asText()).isEqualTo("MethodNotAllowed");
  }

  @Test
  @DisplayName("a missing ability is a 501 with a Status body")
  void notImplemented() {
    channel.writeInbound(get("/missing"));
    FullHttpResponse r = response(channel);
    assertThat(r.status().code()).isEqualTo(501);
    JsonNode status = json(r);
    assertThat(status.get("code").asInt()).isEqualTo(501);
    assertThat(status.get("message").asText()).contains("pod listing");
  }

  @Test
  @DisplayName("a handler that throws answers 500, a classified failure its own code")
  void failures() {
    channel.writeInbound(get("/boom"));
    FullHttpResponse boom = response(channel);
    assertThat(boom.status().code()).isEqualTo(500);
    assertThat(json(boom).get("reason").asText()).isEqualTo("InternalError");
    channel.writeInbound(get("/gone"));
    FullHttpResponse gone = response(channel);
    assertThat(gone.status().code()).isEqualTo(404);
    assertThat(json(gone).get("message").asText()).isEqualTo("pod ns/p not found");
  }

  @Test
  @DisplayName("JSON bodies: objects are serialized, raw JSON is sent unchanged")
  void jsonBodies() {
    channel.writeInbound(get("/json"));
    assertThat(body(response(channel))).isEqualTo("{\"a\":1}");
    channel.writeInbound(get("/raw"));
    assertThat(body(response(channel))).isEqualTo("{\"kind\":\"PodList\"}");
  }

  @Test
  @DisplayName("pipelined requests wait for the running one and are answered in order")
  void pipelining() {
    channel.writeInbound(get("/hold"));
    channel.writeInbound(get("/healthz"));
    channel.runPendingTasks();
    assertThat(channel.<Object>readOutbound()).isNull();
    held.get(0).respond(Responses.text(HttpResponseStatus.ACCEPTED, Responses.TEXT, "first"));
    assertThat(body(response(channel))).isEqualTo("first");
    assertThat(body(response(channel))).isEqualTo("ok");
  }

  @Test
  @DisplayName("idle connections close only between requests")
  void idle() {
    channel.writeInbound(get("/hold"));
    channel.pipeline().fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);
    assertThat(channel.isActive()).isTrue();
    held.get(0).respond(Responses.text(HttpResponseStatus.OK, Responses.TEXT, "done"));
    response(channel).release();
    channel.pipeline().fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);
    assertThat(channel.isActive()).isFalse();
  }

  @Test
  @DisplayName("Connection: close closes after the response")
  void connectionClose() {
    FullHttpRequest request = get("/healthz");
    request.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    channel.writeInbound(request);
    response(channel).release();
    assertThat(channel.isActive()).isFalse();
  }

  @Test
  @DisplayName("an undecodable request is a 400 and closes the connection")
  void malformed() {
    FullHttpRequest request = get("/healthz");
    request.setDecoderResult(DecoderResult.failure(new IllegalArgumentException("bad header")));
    channel.writeInbound(request);
    FullHttpResponse r = response(channel);
    assertThat(r.status().code()).isEqualTo(400);
    r.release();
    assertThat(channel.isActive()).isFalse();
  }

  @Test
  @DisplayName("a request refused upstream is answered with its error, in order")
  void rejected() {
    channel.writeInbound(
        new RejectedRequest(
            get("/healthz"),
            ApiError.forKind(KubeletApiException.Kind.UNAUTHORIZED, "Unauthorized")));
    FullHttpResponse r = response(channel);
    assertThat(r.status().code()).isEqualTo(401);
    assertThat(json(r).get("reason").asText()).isEqualTo("Unauthorized");
  }
}
