package dev.vk.kubeletapi.stream.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.kubelet.types.PodRef;
import dev.vk.kubelet.types.PortStream;
import dev.vk.kubeletapi.spi.KubeletApiException;
import dev.vk.kubeletapi.testing.EmbeddedHttp;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WsPortForwardSessionTest {
  private final Map<Integer, PortStream> streams = new HashMap<>();
  private final Map<Integer, CompletableFuture<Void>> forwards = new HashMap<>();
  private final EmbeddedChannel channel =
      new EmbeddedChannel(
          new WsPortForwardSession(
              PodRef.of("ns", "web"),
              List.of(80, 8443),
              (pod, port, stream) -> {
                streams.put(port, stream);
                CompletableFuture<Void> forward = new CompletableFuture<>();
                forwards.put(port, forward);
                return forward;
              },
              EmbeddedHttp.DIRECT));

  private ChannelMessage next() {
    channel.runPendingTasks();
    return channel.readOutbound();
  }

  private void expect(int number, byte[] payload) {
    ChannelMessage message = next();
    assertThat(message.channel()).isEqualTo(number);
    byte[] actual = new byte[message.content().readableBytes()];
    message.content().readBytes(actual);
    message.release();
    assertThat(actual).isEqualTo(payload);
  }

  @Test
  @DisplayName("each port's data and error channels start with the port, little-endian")
  void portPrefixes() {
    expect(0, new byte[] {80, 0});
    expect(1, new byte[] {80, 0});
    expect(2, new byte[] {(byte) 0xFB, 0x20});
    expect(3, new byte[] {(byte) 0xFB, 0x20});
  }

  @Test
  @DisplayName("data flows both ways on the data channel; a failure is text on the error channel")
  void flow() throws IOException {
    for (int i = 0; i < 4; i++) {
      next().release();
    }
    channel.writeInbound(
        new ChannelMessage(2, Unpooled.copiedBuffer("GET /", StandardCharsets.UTF_8)));
    byte[] request = new byte[5];
    assertThat(streams.get(8443).input().read(request)).isEqualTo(5);
    assertThat(new String(request, StandardCharsets.UTF_8)).isEqualTo("GET /");
    streams.get(80).output().write("hello".getBytes(StandardCharsets.UTF_8));
    expect(0, "hello".getBytes(StandardCharsets.UTF_8));
    forwards
        .get(80)
        .completeExceptionally(
            new KubeletApiException(KubeletApiException.Kind.UNAVAILABLE, "connection refused"));
    ChannelMessage error = next();
    assertThat(error.channel()).isEqualTo(1);
    assertThat(error.content().toString(StandardCharsets.UTF_8))
        .isEqualTo("error forwarding port 80 to pod ns/web, uid : connection refused");
    error.release();
    assertThat(channel.isActive()).isTrue();
    forwards.get(8443).complete(null);
    channel.runPendingTasks();
    assertThat(channel.<Object>readOutbound()).isInstanceOf(CloseWebSocketFrame.class);
  }

  @Test
  @DisplayName("a client that goes away ends every input and cancels every forward")
  void disconnect() throws IOException {
    channel.close();
    assertThat(forwards.values()).allMatch(CompletableFuture::isCancelled);
    assertThat(streams.get(80).input().read()).isEqualTo(-1);
  }
}
