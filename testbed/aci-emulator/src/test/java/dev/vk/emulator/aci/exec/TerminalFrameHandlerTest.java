package dev.vk.emulator.aci.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.emulator.aci.TestingClock;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TerminalFrameHandlerTest {

  private final ExecSessions sessions = new ExecSessions(new TestingClock(Instant.EPOCH));
  private final EmbeddedChannel channel = new EmbeddedChannel(new TerminalFrameHandler(sessions));

  private ExecSessions.Session connect(String command) {
    ExecSessions.Session session = sessions.openExec(command, "g", Map.of());
    channel
        .pipeline()
        .fireUserEventTriggered(
            new WebSocketServerProtocolHandler.HandshakeComplete(
                "/ws/exec/" + session.id() + "?rows=24&cols=80", new DefaultHttpHeaders(), null));
    return session;
  }

  private String readText() {
    TextWebSocketFrame frame = channel.readOutbound();
    try {
      return frame.text();
    } finally {
      frame.release();
    }
  }

  @Test
  @DisplayName(
      "the password comes first; then binary keystrokes reach the shell and output returns as text")
  void passwordThenKeystrokes() {
    ExecSessions.Session session = connect("sh");
    channel.writeInbound(new TextWebSocketFrame(session.password()));
    assertThat(readText()).isEqualTo("# ");
    channel.writeInbound(
        new BinaryWebSocketFrame(Unpooled.copiedBuffer("echo hi\r", StandardCharsets.UTF_8)));
    StringBuilder out = new StringBuilder();
    for (Object frame; (frame = channel.readOutbound()) != null; ) {
      out.append(((TextWebSocketFrame) frame).text());
      ((TextWebSocketFrame) frame).release();
    }
    assertThat(out.toString()).isEqualTo("echo hi\r\nhi\r\n# ");
  }

  @Test
  @DisplayName("a wrong password closes the socket with a policy-violation code")
  void wrongPassword() {
    connect("sh");
    channel.writeInbound(new TextWebSocketFrame("guess"));
    CloseWebSocketFrame close = channel.readOutbound();
    assertThat(close.statusCode()).isEqualTo(1008);
    close.release();
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  @DisplayName("an attach session streams the container's output without a password message")
  void attachStreamsOutput() {
    var line = new dev.vk.emulator.aci.lifecycle.LogRenderer.Line(Instant.EPOCH, "started");
    ExecSessions.Session session = sessions.openAttach("g", () -> java.util.List.of(line));
    channel
        .pipeline()
        .fireUserEventTriggered(
            new WebSocketServerProtocolHandler.HandshakeComplete(
                "/ws/attach/" + session.id(), new DefaultHttpHeaders(), null));
    assertThat(readText()).isEqualTo("started\r\n");
  }

  @Test
  @DisplayName("a session can be used once: a second connection is refused")
  void oneTimeSessions() {
    ExecSessions.Session session = connect("sh");
    assertThat(sessions.peek(session.id())).isNull();
  }
}
