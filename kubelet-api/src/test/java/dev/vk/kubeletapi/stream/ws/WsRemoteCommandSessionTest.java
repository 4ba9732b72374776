package dev.vk.kubeletapi.stream.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.kubelet.types.ContainerRef;
import dev.vk.kubelet.types.TerminalSize;
import dev.vk.kubeletapi.stream.RemoteCommand;
import dev.vk.kubeletapi.stream.StreamOptions;
import dev.vk.kubeletapi.testing.EmbeddedHttp;
import dev.vk.kubeletapi.testing.TestingExec;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WsRemoteCommandSessionTest {
  private final TestingExec exec = new TestingExec();

  private EmbeddedChannel session(StreamOptions options, ChannelProtocol protocol) {
    RemoteCommand command =
        RemoteCommand.exec(exec, ContainerRef.of("ns", "p", "c"), options.command());
    return new EmbeddedChannel(
        new WsRemoteCommandSession(options, protocol, command, EmbeddedHttp.DIRECT));
  }

  private static String next(EmbeddedChannel channel, int expectedChannel) {
    channel.runPendingTasks();
    Object msg = channel.readOutbound();
    assertThat(msg).isInstanceOf(ChannelMessage.class);
    ChannelMessage message = (ChannelMessage) msg;
    try {
      assertThat(message.channel()).isEqualTo(expectedChannel);
      return message.content().toString(StandardCharsets.UTF_8);
    } finally {
      message.release();
    }
  }

  private static void send(EmbeddedChannel channel, int number, String text) {
    channel.writeInbound(
        new ChannelMessage(number, Unpooled.copiedBuffer(text, StandardCharsets.UTF_8)));
  }

  @Test
  @DisplayName("v4: connected signal, stdin and stdout, then a Success status and a normal close")
  void success() throws IOException {
    EmbeddedChannel channel =
        session(new StreamOptions(true, true, true, false, List.of("cat")), ChannelProtocol.V4);
    assertThat(next(channel, 1)).isEmpty();
    assertThat(exec.command).containsExactly("cat");
    send(channel, 0, "hello");
    byte[] buf = new byte[5];
    assertThat(exec.io.stdin().orElseThrow().read(buf)).isEqualTo(5);
    exec.io.stdout().orElseThrow().write(buf);
    exec.io.stderr().orElseThrow().write("warn".getBytes(StandardCharsets.UTF_8));
    assertThat(next(channel, 1)).isEqualTo("hello");
    assertThat(next(channel, 2)).isEqualTo("warn");
    exec.exit.complete(0);
    assertThat(next(channel, 3)).isEqualTo("{\"metadata\":{},\"status\":\"Success\"}");
    CloseWebSocketFrame close = channel.readOutbound();
    assertThat(close.statusCode()).isEqualTo(1000);
    close.release();
  }

  @Test
  @DisplayName("v4: a non-zero exit travels as NonZeroExitCode on the error channel")
  void nonZero() {
    EmbeddedChannel channel =
        session(new StreamOptions(false, true, false, false, List.of("false")), ChannelProtocol.V4);
    next(channel, 1);
    exec.exit.complete(1);
    assertThat(next(channel, 3))
        .contains("\"reason\":\"NonZeroExitCode\"", "{\"reason\":\"ExitCode\",\"message\":\"1\"}");
  }

  @Test
  @DisplayName("channel.k8s.io: plain text on failure, nothing on success")
  void legacy() {
    EmbeddedChannel channel =
        session(new StreamOptions(false, true, false, false, List.of("x")), ChannelProtocol.V1);
    next(channel, 1);
    exec.exit.complete(0);
    channel.runPendingTasks();
    assertThat(channel.<Object>readOutbound()).isInstanceOf(CloseWebSocketFrame.class);
  }

  @Test
  @DisplayName("channel.k8s.io: a failure is its message as text")
  void legacyFailure() {
    EmbeddedChannel channel =
        session(new StreamOptions(false, true, false, false, List.of("x")), ChannelProtocol.V1);
    next(channel, 1);
    exec.exit.completeExceptionally(new IllegalStateException("no such binary"));
    assertThat(next(channel, 3))
        .isEqualTo("Internal error occurred: java.lang.IllegalStateException: no such binary");
  }

  @Test
  @DisplayName("only stderr requested: the connected signal goes to stderr")
  void connectedOnStderr() {
    EmbeddedChannel channel =
        session(new StreamOptions(false, false, true, false, List.of("x")), ChannelProtocol.V4);
    assertThat(next(channel, 2)).isEmpty();
  }

  @Test
  @DisplayName("v5: the close signal [255, 0] ends stdin; v4 ignores it")
  void closeSignal() throws IOException {
    EmbeddedChannel channel =
        session(new StreamOptions(true, true, false, false, List.of("cat")), ChannelProtocol.V5);
    next(channel, 1);
    send(channel, 0, "abc");
    channel.writeInbound(
        new ChannelMessage(ChannelMessage.CLOSE_SIGNAL, Unpooled.wrappedBuffer(new byte[] {0})));
    assertThat(new String(exec.io.stdin().orElseThrow().readAllBytes(), StandardCharsets.UTF_8))
        .isEqualTo("abc");
  }

  @Test
  @DisplayName(
      "resize JSON reaches the listener; malformed resize input and unknown channels are ignored")
  void resize() {
    EmbeddedChannel channel =
        session(new StreamOptions(true, true, false, true, List.of("sh")), ChannelProtocol.V4);
    next(channel, 1);
    List<TerminalSize> sizes = new ArrayList<>();
    send(channel, 4, "{\"Width\":120,\"Height\":40}");
    exec.io.onResize(sizes::add);
    send(channel, 4, "{\"Width\":100,\"Height\":30}");
    send(channel, 9, "who knows");
    send(channel, 4, "garbage");
    send(channel, 4, "{\"Width\":1,\"Height\":1}");
    assertThat(sizes).containsExactly(new TerminalSize(120, 40), new TerminalSize(100, 30));
    assertThat(exec.io.stderr()).isEmpty();
    assertThat(channel.isActive()).isTrue();
  }

  @Test
  @DisplayName("a client that goes away cancels the command and ends its stdin")
  void disconnect() throws IOException {
    EmbeddedChannel channel =
        session(new StreamOptions(true, true, false, false, List.of("cat")), ChannelProtocol.V4);
    next(channel, 1);
    channel.close();
    assertThat(exec.exit).isCancelled();
    assertThat(exec.io.stdin().orElseThrow().read()).isEqualTo(-1);
  }
}
