package dev.vk.kubeletapi.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RequestReadTimeoutTest {
  private final RequestReadTimeout timeout = new RequestReadTimeout(Duration.ofSeconds(10));
  private final EmbeddedChannel channel = new EmbeddedChannel();

  RequestReadTimeoutTest() {
    channel.freezeTime();
    channel
        .pipeline()
        .addLast(
            timeout.start(),
            new HttpServerCodec(),
            new HttpObjectAggregator(1024),
            timeout.finish());
  }

  private void send(String text) {
    channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII));
  }

  private void advance(int seconds) {
    channel.advanceTimeBy(seconds, TimeUnit.SECONDS);
    channel.runScheduledPendingTasks();
  }

  @Test
  @DisplayName("a slow sender is closed when its head is not complete in time, bytes or not")
  void slowLoris() {
    send("GET /pods HTTP/1.1\r\n");
    for (int i = 0; i < 9; i++) {
      advance(1);
      send("X-Slow-" + i + ": a\r\n");
      assertThat(channel.isOpen()).isTrue();
    }
    advance(1);
    assertThat(channel.isOpen()).as("closed 10 s after the connection opened").isFalse();
  }

  @Test
  @DisplayName("a complete request stops the clock; a quiet keep-alive connection is not timed")
  void completeRequests() {
    send("GET /pods HTTP/1.1\r\nHost: n\r\n\r\n");
    assertThat(timeout.armed()).isFalse();
    advance(60);
    assertThat(channel.isOpen()).as("waiting between requests is the idle timer's job").isTrue();
    send("GET /pods HTTP/1.1\r\n");
    assertThat(timeout.armed()).as("the next request's first byte starts the clock").isTrue();
    advance(9);
    send("Host: n\r\n\r\n");
    advance(5);
    assertThat(channel.isOpen()).isTrue();
    assertThat(timeout.armed()).isFalse();
  }

  @Test
  @DisplayName("a connection that never sends a request is closed too")
  void silentConnection() {
    advance(10);
    assertThat(channel.isOpen()).isFalse();
  }
}
