package dev.vk.kubeletapi.stream.spdy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.kubelet.types.ContainerRef;
import dev.vk.kubelet.types.TerminalSize;
import dev.vk.kubeletapi.stream.RemoteCommand;
import dev.vk.kubeletapi.stream.StreamOptions;
import dev.vk.kubeletapi.stream.StreamSettings;
import dev.vk.kubeletapi.testing.EmbeddedHttp;
import dev.vk.kubeletapi.testing.TestingExec;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.spdy.DefaultSpdyDataFrame;
import io.netty.handler.codec.spdy.DefaultSpdyRstStreamFrame;
import io.netty.handler.codec.spdy.DefaultSpdySynStreamFrame;
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
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SpdyRemoteCommandSessionTest {
  private static final StreamSettings SETTINGS =
      new StreamSettings(EmbeddedHttp.DIRECT, Duration.ofHours(4), Duration.ofSeconds(30));
  private final TestingExec exec = new TestingExec();

  private EmbeddedChannel session(StreamOptions options, SpdyProtocol protocol) {
    EmbeddedChannel channel = new EmbeddedChannel();
    channel.freezeTime();
    channel
        .pipeline()
        .addLast(
            new SpdyRemoteCommandSession(
                options,
                protocol,
                RemoteCommand.exec(exec, ContainerRef.of("ns", "p", "c"), options.command()),
                SETTINGS));
    return channel;
  }

  static SpdySynStreamFrame syn(int id, String type) {
    SpdySynStreamFrame frame = new DefaultSpdySynStreamFrame(id, 0, (byte) 0);
    if (type != null) {
      frame.headers().add("streamtype", type);
    }
    return frame;
  }

  static SpdyDataFrame data(int id, String text, boolean last) {
    SpdyDataFrame frame =
        new DefaultSpdyDataFrame(id, Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
    frame.setLast(last);
    return frame;
  }

  private static List<SpdyFrame> sent(EmbeddedChannel channel) {
    channel.runPendingTasks();
    List<SpdyFrame> frames = new ArrayList<>();
    for (Object msg = channel.readOutbound(); msg != null; msg = channel.readOutbound()) {
      frames.add((SpdyFrame) msg);
    }
    return frames;
  }

  private static String describe(SpdyFrame frame) {
    if (frame instanceof SpdySynReplyFrame reply) {
      return "reply " + reply.streamId();
    }
    if (frame instanceof SpdyRstStreamFrame rst) {
      return "rst " + rst.streamId() + " " + rst.status().code();
    }
    SpdyDataFrame data = (SpdyDataFrame) frame;
    String text = data.content().toString(StandardCharsets.UTF_8);
    data.release();
    return "data "
        + data.streamId()
        + (data.isLast() ? " fin" : "")
        + (text.isEmpty() ? "" : " " + text);
  }

  private static List<String> describe(List<SpdyFrame> frames) {
    return frames.stream().map(SpdyRemoteCommandSessionTest::describe).toList();
  }

  @Test
  @DisplayName("every expected stream gets a SYN_REPLY; the command starts once all exist")
  void waitsForStreams() {
    EmbeddedChannel channel =
        session(new StreamOptions(true, true, true, false, List.of("ls")), SpdyProtocol.V4);
    channel.writeInbound(syn(1, "error"), syn(3, "stdin"), syn(5, "stdout"));
    assertThat(exec.started()).isFalse();
    channel.writeInbound(syn(7, "stderr"));
    assertThat(exec.started()).isTrue();
    assertThat(describe(sent(channel))).containsExactly("reply 1", "reply 3", "reply 5", "reply 7");
  }

  @Test
  @DisplayName("unknown, missing, unexpected and duplicate stream types are refused")
  void refusals() {
    EmbeddedChannel channel =
        session(new StreamOptions(false, true, false, false, List.of("ls")), SpdyProtocol.V4);
    SpdySynStreamFrame invalid = syn(9, "stdout");
    invalid.setInvalid();
    channel.writeInbound(
        syn(1, "bogus"), syn(3, null), syn(5, "stdin"), syn(7, "error"), syn(11, "error"), invalid);
    int refused = SpdyStreamStatus.REFUSED_STREAM.code();
    assertThat(describe(sent(channel)))
        .containsExactly(
            "rst 1 " + refused,
            "rst 3 " + refused,
            "rst 5 " + refused,
            "reply 7",
            "rst 11 " + refused,
            "rst 9 " + refused);
    assertThat(exec.started()).isFalse();
  }

  @Test
  @DisplayName(
      "v4 end: stdin and resize reset, stdout and stderr FIN, then the status and FIN on error")
  void endingOrder() {
    EmbeddedChannel channel =
        session(new StreamOptions(true, true, false, true, List.of("sh")), SpdyProtocol.V4);
    channel.writeInbound(syn(1, "error"), syn(3, "stdin"), syn(5, "stdout"), syn(7, "resize"));
    sent(channel);
    exec.exit.complete(2);
    List<String> frames = describe(sent(channel));
    int cancel = SpdyStreamStatus.CANCEL.code();
    assertThat(frames).hasSize(4);
    assertThat(frames.subList(0, 3))
        .containsExactly("rst 3 " + cancel, "rst 7 " + cancel, "data 5 fin");
    assertThat(frames.get(3))
        .startsWith("data 1 fin {\"metadata\":{},\"status\":\"Failure\"")
        .contains("\"message\":\"2\"");
  }

  @Test
  @DisplayName("stdin data and FIN reach the command; resize JSON reaches the listener")
  void input() throws IOException {
    EmbeddedChannel channel =
        session(new StreamOptions(true, true, false, true, List.of("sh")), SpdyProtocol.V4);
    channel.writeInbound(syn(1, "error"), syn(3, "stdin"), syn(5, "stdout"), syn(7, "resize"));
    channel.writeInbound(data(7, "{\"Width\":80,\"Height\":24}", false));
    List<TerminalSize> sizes = new ArrayList<>();
    exec.io.onResize(sizes::add);
    channel.writeInbound(
        data(7, "{\"Width\":", false),
        data(7, "81,\"Height\":25}", false),
        data(7, "broken}", false),
        data(7, "{\"Width\":1,\"Height\":1}", false));
    channel.writeInbound(data(3, "echo hi\n", false), data(3, "", true));
    assertThat(new String(exec.io.stdin().orElseThrow().readAllBytes(), StandardCharsets.UTF_8))
        .isEqualTo("echo hi\n");
    assertThat(sizes).containsExactly(new TerminalSize(80, 24), new TerminalSize(81, 25));
    assertThat(channel.isActive()).isTrue();
    exec.exit.complete(0);
    List<String> frames = describe(sent(channel));
    assertThat(frames)
        .contains("data 1 fin {\"metadata\":{},\"status\":\"Success\"}")
        .doesNotContain("rst 3 " + SpdyStreamStatus.CANCEL.code());
  }

  @Test
  @DisplayName("pre-v4: no resize stream expected, failures as text, nothing on success")
  void legacy() {
    EmbeddedChannel channel =
        session(new StreamOptions(false, true, false, true, List.of("sh")), SpdyProtocol.V2);
    channel.writeInbound(syn(1, "error"), syn(3, "stdout"));
    assertThat(exec.started()).isTrue();
    sent(channel);
    exec.exit.complete(0);
    assertThat(describe(sent(channel))).containsExactly("data 3 fin", "data 1 fin");
  }

  @Test
  @DisplayName("more than 64 KiB of stdout goes out without any WINDOW_UPDATE from the client")
  void noFlowControlStall() throws IOException {
    EmbeddedChannel channel =
        session(new StreamOptions(false, true, false, false, List.of("yes")), SpdyProtocol.V4);
    channel.writeInbound(syn(1, "error"), syn(3, "stdout"));
    sent(channel);
    byte[] chunk = new byte[10_000];
    for (int i = 0; i < 100; i++) {
      exec.io.stdout().orElseThrow().write(chunk);
    }
    long bytes = 0;
    for (SpdyFrame frame : sent(channel)) {
      bytes += ((SpdyDataFrame) frame).content().readableBytes();
      ((SpdyDataFrame) frame).release();
    }
    assertThat(bytes).isEqualTo(1_000_000);
  }

  @Test
  @DisplayName("streams not created within the creation timeout close the connection")
  void creationTimeout() {
    EmbeddedChannel channel =
        session(new StreamOptions(false, true, false, false, List.of("ls")), SpdyProtocol.V4);
    channel.writeInbound(syn(1, "error"));
    channel.advanceTimeBy(29, TimeUnit.SECONDS);
    channel.runScheduledPendingTasks();
    assertThat(channel.isActive()).isTrue();
    channel.advanceTimeBy(2, TimeUnit.SECONDS);
    channel.runScheduledPendingTasks();
    assertThat(channel.isActive()).isFalse();
  }

  @Test
  @DisplayName("the client closing the connection cancels the command")
  void disconnect() {
    EmbeddedChannel channel =
        session(new StreamOptions(true, true, false, false, List.of("cat")), SpdyProtocol.V4);
    channel.writeInbound(syn(1, "error"), syn(3, "stdin"), syn(5, "stdout"));
    channel.close();
    assertThat(exec.exit).isCancelled();
  }

  @Test
  @DisplayName(
      "data on an unknown stream is answered with RST(INVALID_STREAM); client resets are tolerated")
  void unknownStream() {
    EmbeddedChannel channel =
        session(new StreamOptions(true, true, false, false, List.of("cat")), SpdyProtocol.V4);
    channel.writeInbound(
        data(41, "?", false), new DefaultSpdyRstStreamFrame(43, SpdyStreamStatus.CANCEL));
    assertThat(describe(sent(channel)))
        .containsExactly("rst 41 " + SpdyStreamStatus.INVALID_STREAM.code());
    assertThat(channel.isActive()).isTrue();
  }

  @Test
  @DisplayName("after the outcome the server waits for the client to close, then gives up")
  void graceClose() {
    EmbeddedChannel channel =
        session(new StreamOptions(false, true, false, false, List.of("ls")), SpdyProtocol.V4);
    channel.writeInbound(syn(1, "error"), syn(3, "stdout"));
    exec.exit.complete(0);
    sent(channel);
    assertThat(channel.isActive()).isTrue();
    channel.advanceTimeBy(
        SpdyRemoteCommandSession.CLIENT_CLOSE_GRACE.toSeconds() + 1, TimeUnit.SECONDS);
    channel.runScheduledPendingTasks();
    assertThat(channel.isActive()).isFalse();
  }
}
