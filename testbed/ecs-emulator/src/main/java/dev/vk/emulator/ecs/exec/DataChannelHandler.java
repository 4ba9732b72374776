package dev.vk.emulator.ecs.exec;

import dev.vk.emulator.ecs.exec.ExecSessions.ExecSession;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.AttributeKey;
import java.time.Clock;
import java.util.Optional;

/**
 * Binds one upgraded WebSocket to an {@link AgentSession} (ECS Exec) or a {@link PortAgentSession}
 * (SSM port forwarding): the text frame opens it, binary frames feed it, and its output goes back
 * as binary frames. Other messages pass through untouched.
 */
public final class DataChannelHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
  private static final int POLICY_VIOLATION = 1008;
  private final ExecSessions sessions;
  private final Clock clock;
  private DataChannelAgent agent;
  private boolean bound;

  public DataChannelHandler(ExecSessions sessions, Clock clock) {
    this.sessions = sessions;
    this.clock = clock;
  }

  /** Remembers the upgrade request's URI, which names the session. */
  public static final AttributeKey<String> REQUEST_URI =
      AttributeKey.valueOf(DataChannelHandler.class, "requestUri");

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
    if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete handshake) {
      bind(ctx, handshake.requestUri());
    }
    super.userEventTriggered(ctx, event);
  }

  /**
   * Binds the channel to its session, once. The client may send its token before the handshake
   * event reaches this handler, so the first frame binds too, from the URI captured earlier.
   */
  private void bind(ChannelHandlerContext ctx, String uri) {
    if (bound || uri == null) {
      return;
    }
    bound = true;
    String id = DataChannelPaths.sessionId(uri);
    Optional<ExecSession> exec = sessions.find(id);
    Optional<ExecSessions.PortSession> port = sessions.findPort(id);
    if (exec.isEmpty() && port.isEmpty()) {
      ctx.writeAndFlush(new CloseWebSocketFrame(POLICY_VIOLATION, "unknown session"))
          .addListener(ChannelFutureListener.CLOSE);
      return;
    }
    sessions.remove(id);
    EventLoopScheduler scheduler = new EventLoopScheduler(ctx.executor(), clock);
    agent =
        exec.isPresent()
            ? new AgentSession(exec.get(), scheduler, transport(ctx))
            : new PortAgentSession(port.get(), scheduler, transport(ctx));
  }

  private static AgentSession.Transport transport(ChannelHandlerContext ctx) {
    return new AgentSession.Transport() {
      @Override
      public void send(byte[] frame) {
        ctx.writeAndFlush(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(frame)));
      }

      @Override
      public void close() {
        ctx.writeAndFlush(new CloseWebSocketFrame(1000, "session closed"))
            .addListener(ChannelFutureListener.CLOSE);
      }
    };
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
    bind(ctx, ctx.channel().attr(REQUEST_URI).get());
    if (agent == null) {
      return;
    }
    if (frame instanceof TextWebSocketFrame text) {
      agent.open(text.text());
    } else if (frame instanceof BinaryWebSocketFrame binary) {
      agent.receive(ByteBufUtil.getBytes(binary.content()));
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    if (agent != null) {
      agent.transportClosed();
    }
    super.channelInactive(ctx);
  }
}
