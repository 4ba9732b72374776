package dev.vk.emulator.aci.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vk.provider.testkit.TestingClock;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalIoHandler;
import io.netty.channel.local.LocalServerChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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
  void passwordThenKeystrokes() throws InterruptedException {
    // The shell prints from its own thread, so this runs over a real (local) event loop.
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, LocalIoHandler.newFactory());
    try {
      LocalAddress address = new LocalAddress("aci-exec-" + UUID.randomUUID());
      BlockingQueue<Channel> accepted = new LinkedBlockingQueue<>();
      new ServerBootstrap()
          .group(group)
          .channel(LocalServerChannel.class)
          .childHandler(
              new ChannelInitializer<LocalChannel>() {
                @Override
                protected void initChannel(LocalChannel ch) {
                  ch.pipeline().addLast(new TerminalFrameHandler(sessions));
                  accepted.add(ch);
                }
              })
          .bind(address)
          .sync();
      StringBuffer received = new StringBuffer();
      Channel client =
          new Bootstrap()
              .group(group)
              .channel(LocalChannel.class)
              .handler(
                  new SimpleChannelInboundHandler<TextWebSocketFrame>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame f) {
                      received.append(f.text());
                    }
                  })
              .connect(address)
              .sync()
              .channel();
      Channel server = accepted.take();
      ExecSessions.Session session = sessions.openExec("sh", "g", Map.of());
      server
          .pipeline()
          .fireUserEventTriggered(
              new WebSocketServerProtocolHandler.HandshakeComplete(
                  "/ws/exec/" + session.id() + "?rows=24&cols=80", new DefaultHttpHeaders(), null));

      client.writeAndFlush(new TextWebSocketFrame(session.password()));
      await().until(() -> received.toString().equals("# "));
      client.writeAndFlush(
          new BinaryWebSocketFrame(Unpooled.copiedBuffer("echo hi\r", StandardCharsets.UTF_8)));
      await().until(() -> received.toString().equals("# echo hi\r\nhi\r\n# "));
      client.close().sync();
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }
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
