package dev.vk.emulator.aci.exec;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Speaks ACI's exec protocol on an upgraded connection: the first message must be the session
 * password, every later text or binary frame is keystrokes, and output goes back as text frames.
 * Attach sessions (already authenticated by header) only stream output. The server ends a session
 * with a Close frame and drops the connection once the client has answered it (Netty's protocol
 * handler does that) or after {@link #CLOSE_ANSWER_TIMEOUT}. One instance per channel.
 */
public final class TerminalFrameHandler extends ChannelInboundHandlerAdapter {

  /** Close code for a wrong password or an unknown session. */
  static final int POLICY_VIOLATION = 1008;

  /**
   * How long the server waits for the client to answer its Close before dropping the connection.
   */
  static final Duration CLOSE_ANSWER_TIMEOUT = Duration.ofSeconds(5);

  private final ExecSessions sessions;
  private final AtomicBoolean closing = new AtomicBoolean(); // also set from the shell's thread
  private ExecSessions.Session session;
  private ExecShell shell;
  private AttachStream attach;

  /** A handler taking sessions from {@code sessions}. */
  public TerminalFrameHandler(ExecSessions sessions) {
    this.sessions = sessions;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (!(evt instanceof WebSocketServerProtocolHandler.HandshakeComplete handshake)) {
      ctx.fireUserEventTriggered(evt);
      return;
    }
    session = sessions.take(WebSocketGuardHandler.sessionId(handshake.requestUri()));
    if (session == null) {
      close(ctx, POLICY_VIOLATION, "unknown or expired session");
    } else if (session.kind() == ExecSessions.Kind.ATTACH) {
      attach = new AttachStream(session.logs(), tty(ctx));
      attach.start();
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof WebSocketFrame frame)) {
      ctx.fireChannelRead(msg);
      return;
    }
    try {
      if (session != null
          && !closing.get()
          && session.kind() == ExecSessions.Kind.EXEC
          && (frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame)) {
        onInput(ctx, frame.content().toString(StandardCharsets.UTF_8));
      }
    } finally {
      frame.release();
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (shell != null) {
      shell.stop();
    }
    if (attach != null) {
      attach.stop();
    }
    ctx.fireChannelInactive();
  }

  private void onInput(ChannelHandlerContext ctx, String text) {
    if (shell != null) {
      shell.input(text);
    } else if (text.equals(session.password())) {
      shell =
          new ExecShell(
              tty(ctx),
              session.hostname(),
              session.env(),
              session.files(),
              duration -> Thread.sleep(duration.toMillis()));
      shell.start(session.command());
    } else {
      close(ctx, POLICY_VIOLATION, "invalid password");
    }
  }

  private Tty tty(ChannelHandlerContext ctx) {
    return new Tty() {
      @Override
      public void print(String text) {
        ctx.writeAndFlush(new TextWebSocketFrame(text));
      }

      @Override
      public Runnable schedule(Duration delay, Runnable task) {
        ScheduledFuture<?> future =
            ctx.executor().schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
      }

      @Override
      public void hangUp() {
        close(ctx, 1000, "");
      }
    };
  }

  /**
   * Sends Close and keeps reading (dropping keystrokes) until the client answers, as RFC 6455 has
   * it. Closing the socket at once would make the kernel answer keystrokes still in flight, such as
   * the Ctrl-D a client sends when its stdin ends, with a reset, and a reset can make the client
   * drop output it has not read yet. May be called from any thread; does not block.
   */
  private void close(ChannelHandlerContext ctx, int code, String reason) {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    ctx.writeAndFlush(new CloseWebSocketFrame(code, reason));
    ctx.executor()
        .schedule(() -> ctx.close(), CLOSE_ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }
}
