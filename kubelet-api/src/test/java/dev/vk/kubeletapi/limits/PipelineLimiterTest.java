package dev.vk.kubeletapi.limits;

import static dev.vk.kubeletapi.testing.EmbeddedHttp.json;
import static dev.vk.kubeletapi.testing.EmbeddedHttp.response;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vk.kubeletapi.http.Exchange;
import dev.vk.kubeletapi.http.RequestDispatcher;
import dev.vk.kubeletapi.http.Responses;
import dev.vk.kubeletapi.http.Router;
import dev.vk.kubeletapi.testing.EmbeddedHttp;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PipelineLimiterTest {
  /** Requests the route holds until the test answers them. */
  private final List<Exchange> held = new ArrayList<>();

  private final PipelineLimiter limiter = new PipelineLimiter(2);
  private final EmbeddedChannel channel =
      new EmbeddedChannel(
          limiter,
          new RequestDispatcher(
              Router.builder().route("/slow", held::add, HttpMethod.GET).build(),
              EmbeddedHttp.DIRECT));

  private static FullHttpRequest[] requests(int n) {
    FullHttpRequest[] requests = new FullHttpRequest[n];
    for (int i = 0; i < n; i++) {
      // A real buffer: the empty one's reference count never reaches zero.
      requests[i] =
          new DefaultFullHttpRequest(
              HttpVersion.HTTP_1_1, HttpMethod.GET, "/slow", Unpooled.buffer(1));
    }
    return requests;
  }

  private void answerOne() {
    held.remove(0).respond(Responses.text(HttpResponseStatus.OK, Responses.TEXT, "ok"));
  }

  @Test
  @DisplayName("at the cap the connection stops reading, and reads again once answered")
  void backpressure() {
    channel.writeInbound((Object[]) requests(2));
    assertThat(channel.config().isAutoRead()).isFalse();
    assertThat(limiter.pending()).isEqualTo(2);
    answerOne();
    assertThat(response(channel).status().code()).isEqualTo(200);
    assertThat(channel.config().isAutoRead()).isTrue();
    assertThat(limiter.pending()).isEqualTo(1);
  }

  @Test
  @DisplayName("requests decoded past the cap: one 429 in order, the rest dropped, then close")
  void overflow() {
    FullHttpRequest[] flood = requests(50);
    channel.writeInbound((Object[]) flood);
    assertThat(held).as("one runs, one waits").hasSize(1);
    answerOne();
    assertThat(response(channel).status().code()).isEqualTo(200);
    answerOne();
    assertThat(response(channel).status().code()).isEqualTo(200);
    FullHttpResponse tooMany = response(channel);
    assertThat(tooMany.status().code()).isEqualTo(429);
    assertThat(tooMany.headers().get(HttpHeaderNames.RETRY_AFTER)).isEqualTo("1");
    JsonNode status = json(tooMany);
    assertThat(status.get("reason").asText()).isEqualTo("TooManyRequests");
    assertThat(status.get("message").asText())
        .isEqualTo("more than 2 pipelined requests on one connection");
    channel.runPendingTasks();
    assertThat(channel.isOpen()).isFalse();
    assertThat(held).isEmpty();
    for (FullHttpRequest r : flood) {
      assertThat(r.refCnt()).as("every request released").isZero();
    }
  }
}
