package dev.vk.kubeletapi.stream.spdy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.kubelet.types.PodRef;
import dev.vk.kubelet.types.PortStream;
import dev.vk.kubeletapi.spi.KubeletApiException;
import dev.vk.kubeletapi.stream.StreamSettings;
import dev.vk.kubeletapi.testing.EmbeddedHttp;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.spdy.DefaultSpdyRstStreamFrame;
import io.netty.handler.codec.spdy.SpdyDataFrame;
import io.netty.handler.codec.spdy.SpdyFrame;
import io.netty.handler.codec.spdy.SpdyRstStreamFrame;
import io.netty.handler.codec.spdy.SpdyStreamStatus;
import io.netty.handler.codec.spdy.SpdySynReplyFrame;
import io.netty.handler.codec.spdy.SpdySynStreamFrame;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SpdyPortForwardSessionTest {
  private final Map<Integer, PortStream> streams = new HashMap<>();
  private final Map<Integer, CompletableFuture<Void>> forwards = new HashMap<>();
  private final EmbeddedChannel channel = new EmbeddedChannel();

  SpdyPortForwardSessionTest() {
    channel.freezeTime();
    channel
        .pipeline()
        .addLast(
            new SpdyPortForwardSession(
                new PodRef("ns", "web", "u1"),
                (pod, port, stream) -> {
                  streams.put(port, stream);
                  CompletableFuture<Void> forward = new CompletableFuture<>();
                  forwards.put(port, forward);
                  return forward;
                },
                new StreamSettings(
                    EmbeddedHttp.DIRECT, Duration.ofHours(4), Duration.ofSeconds(30), 3)));
  }

  private static SpdySynStreamFrame syn(int id, String type, String port, String requestId) {
    SpdySynStreamFrame frame = SpdyRemoteCommandSessionTest.syn(id, type);
    if (port != null) {
      frame.headers().add("port", port);
    }
    if (requestId != null) {
      frame.headers().add("requestid", requestId);
    }
    return frame;
  }

  private List<String> sent() {
    channel.runPendingTasks();
    List<String> frames = new ArrayList<>();
    for (Object msg = channel.readOutbound(); msg != null; msg = channel.readOutbound()) {
      SpdyFrame frame = (SpdyFrame) msg;
      if (frame instanceof SpdySynReplyFrame reply) {
        frames.add("reply " + reply.streamId());
      } else if (frame instanceof SpdyRstStreamFrame rst) {
        frames.add("rst " + rst.streamId() + " " + rst.status().code());
      } else {
        SpdyDataFrame data = (SpdyDataFrame) frame;
        String text = data.content().toString(StandardCharsets.UTF_8);
        data.release();
        frames.add(
            "data "
                + data.streamId()
                + (data.isLast() ? " fin" : "")
                + (text.isEmpty() ? "" : " " + text));
      }
    }
    return frames;
  }

  @Test
  @DisplayName("an error and a data stream with the same request id make one forwarded connection")
  void pairs() throws IOException {
    channel.writeInbound(syn(1, "error", "8080", "0"));
    assertThat(forwards).isEmpty();
    channel.writeInbound(
        syn(3, "data", "8080", "0"), SpdyRemoteCommandSessionTest.data(3, "ping", true));
    assertThat(sent()).containsExactly("reply 1", "reply 3");
    assertThat(new String(streams.get(8080).input().readAllBytes(), StandardCharsets.UTF_8))
        .isEqualTo("ping");
    streams.get(8080).output().write("pong".getBytes(StandardCharsets.UTF_8));
    forwards.get(8080).complete(null);
    assertThat(sent()).containsExactly("data 3 pong", "data 3 fin", "data 1 fin");
  }

  @Test
  @DisplayName(
      "several connections share one session; old clients without request ids pair by stream id")
  void many() {
    channel.writeInbound(syn(1, "error", "80", null), syn(3, "data", "80", null));
    channel.writeInbound(syn(5, "error", "443", "7"), syn(7, "data", "443", "7"));
    assertThat(forwards).containsOnlyKeys(80, 443);
  }

  @Test
  @DisplayName("a failed forward writes its message on the error stream, then ends both")
  void failure() {
    channel.writeInbound(syn(1, "error", "5432", "0"), syn(3, "data", "5432", "0"));
    sent();
    forwards
        .get(5432)
        .completeExceptionally(
            new KubeletApiException(KubeletApiException.Kind.UNAVAILABLE, "connection refused"));
    assertThat(sent())
        .containsExactly(
            "data 3 fin",
            "data 1 error forwarding port 5432 to pod ns/web, uid u1: connection refused",
            "data 1 fin");
  }

  @Test
  @DisplayName("bad headers are refused: missing or invalid port, unknown type, mismatched pair")
  void refusals() {
    int refused = SpdyStreamStatus.REFUSED_STREAM.code();
    channel.writeInbound(
        syn(1, "error", null, "0"),
        syn(3, "error", "0", "1"),
        syn(5, "error", "70000", "2"),
        syn(7, "bogus", "80", "3"),
        syn(9, "error", "80", "4"),
        syn(11, "data", "81", "4"));
    assertThat(sent())
        .containsExactly(
            "rst 1 " + refused,
            "rst 3 " + refused,
            "rst 5 " + refused,
            "rst 7 " + refused,
            "reply 9",
            "rst 11 " + refused);
    assertThat(forwards).isEmpty();
  }

  @Test
  @DisplayName("pairs past the per-connection cap are refused; a finished pair frees its place")
  void pairCap() {
    int refused = SpdyStreamStatus.REFUSED_STREAM.code();
    for (int i = 0; i < 3; i++) {
      channel.writeInbound(
          syn(1 + 4 * i, "error", "" + (80 + i), "" + i),
          syn(3 + 4 * i, "data", "" + (80 + i), "" + i));
    }
    sent();
    channel.writeInbound(syn(13, "error", "90", "9"), syn(15, "data", "90", "9"));
    assertThat(sent()).containsExactly("rst 13 " + refused, "rst 15 " + refused);
    assertThat(forwards).containsOnlyKeys(80, 81, 82);
    forwards.get(80).complete(null);
    sent();
    channel.writeInbound(syn(17, "error", "90", "10"), syn(19, "data", "90", "10"));
    assertThat(sent()).containsExactly("reply 17", "reply 19");
    assertThat(forwards).containsKey(90);
  }

  @Test
  @DisplayName("a half-made pair is reset after the creation timeout")
  void pairTimeout() {
    channel.writeInbound(syn(1, "error", "80", "0"));
    sent();
    channel.advanceTimeBy(31, TimeUnit.SECONDS);
    channel.runScheduledPendingTasks();
    assertThat(sent()).containsExactly("rst 1 " + SpdyStreamStatus.CANCEL.code());
  }

  @Test
  @DisplayName("a client reset or a closed connection ends the input and cancels the forward")
  void cancellation() throws IOException {
    channel.writeInbound(syn(1, "error", "80", "0"), syn(3, "data", "80", "0"));
    channel.writeInbound(new DefaultSpdyRstStreamFrame(3, SpdyStreamStatus.CANCEL));
    assertThat(forwards.get(80)).isCancelled();
    assertThat(streams.get(80).input().read()).isEqualTo(-1);
    channel.writeInbound(syn(5, "error", "81", "1"), syn(7, "data", "81", "1"));
    channel.close();
    assertThat(forwards.get(81)).isCancelled();
  }
}
