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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
  @DisplayName(
      "when the command ends the server sends Close and drops the connection only after the"
          + " client answered, so keystrokes still in flight do not meet a closed socket")
  void closeWaitsForTheClientsAnswer() throws Exception {
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, LocalIoHandler.newFactory());
    try {
      ExecSessions.Session session = sessions.openExec("sh", "g", Map.of());
      WebSocketClient client = WebSocketClient.connect(group, "/ws/exec/" + session.id(), sessions);
      Channel server = client.server();
      AtomicBoolean answered = new AtomicBoolean();
      CompletableFuture<Boolean> closedAfterAnswer = new CompletableFuture<>();
      server.closeFuture().addListener(f -> closedAfterAnswer.complete(answered.get()));

      client.send(new TextWebSocketFrame(session.password()));
      await().until(() -> client.text().equals("# "));
      client.send(binary("exit\r"));
      await().until(() -> client.closeStatus() != null);
      // The Ctrl-D a client sends when its stdin ends often crosses the server's Close.
      client.send(binary("\u0004"));
      answered.set(true);
      client.send(new CloseWebSocketFrame(1000, ""));

      assertThat(client.closeStatus()).isEqualTo(1000);
      assertThat(closedAfterAnswer.get(10, TimeUnit.SECONDS))
          .as("the server waited for the client's Close before dropping the connection")
          .isTrue();
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }
  }

  private static BinaryWebSocketFrame binary(String keys) {
    return new BinaryWebSocketFrame(Unpooled.copiedBuffer(keys, StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName(
      "a wrong password gets a policy-violation Close; later frames are dropped, and a client that"
          + " does not answer the Close is disconnected after a while")
  void wrongPassword() {
    connect("sh");
    channel.writeInbound(new TextWebSocketFrame("guess"));
    CloseWebSocketFrame close = channel.readOutbound();
    assertThat(close.statusCode()).isEqualTo(1008);
    close.release();

    channel.writeInbound(new TextWebSocketFrame("another guess"));
    assertThat(channel.outboundMessages()).isEmpty();
    assertThat(channel.isOpen()).as("open for the client's answer").isTrue();
    channel.advanceTimeBy(
        TerminalFrameHandler.CLOSE_ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    channel.runScheduledPendingTasks();
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
