package dev.vk.emulator.aci.exec;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;

/**
 * Refuses a WebSocket upgrade under {@value #PATH} before the handshake when the session is unknown
 * (404) or, for attach, the {@code Authorization} header is not the session password (401), so
 * clients see an HTTP error rather than a socket that closes at once.
 */
public final class WebSocketGuardHandler extends ChannelInboundHandlerAdapter {

  /** Prefix of every WebSocket path: {@code /ws/exec/{id}} and {@code /ws/attach/{id}}. */
  public static final String PATH = "/ws";

  private final ExecSessions sessions;

  /** A guard over {@code sessions}. */
  public WebSocketGuardHandler(ExecSessions sessions) {
    this.sessions = sessions;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof FullHttpRequest request) || !request.uri().startsWith(PATH + "/")) {
      ctx.fireChannelRead(msg);
      return;
    }
    ExecSessions.Session session = sessions.peek(sessionId(request.uri()));
    HttpResponseStatus refusal = null;
    if (session == null) {
      refusal = HttpResponseStatus.NOT_FOUND;
    } else if (session.kind() == ExecSessions.Kind.ATTACH
        && !session.password().equals(request.headers().get(HttpHeaderNames.AUTHORIZATION))) {
      refusal = HttpResponseStatus.UNAUTHORIZED;
    }
    if (refusal == null) {
      ctx.fireChannelRead(msg);
      return;
    }
    request.release();
    DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, refusal);
    response.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0);
    ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
  }

  /** The last path segment: the session id. */
  static String sessionId(String uri) {
    String path = new QueryStringDecoder(uri).path();
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
