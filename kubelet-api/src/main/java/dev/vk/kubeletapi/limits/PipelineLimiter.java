package dev.vk.kubeletapi.limits;

import dev.vk.kubeletapi.http.ApiError;
import dev.vk.kubeletapi.http.RejectedRequest;
import dev.vk.kubeletapi.spi.KubeletApiException;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Bounds the requests one connection has sent but not yet seen answered, wherever they wait (behind
 * a slow authentication or a running request). At the cap the connection stops reading, so TCP
 * pushes back on the client. Requests already decoded beyond the cap (one read may hold hundreds)
 * are dropped: the first becomes a 429 answered in order, then the connection closes. Sits after
 * the aggregator; counts a request answered when its last content is written. One per connection;
 * event loop only.
 */
public final class PipelineLimiter extends ChannelDuplexHandler {
  private final int max;
  private int pending;
  private boolean overflowed;

  public PipelineLimiter(int max) {
    this.max = max;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof FullHttpRequest request)) {
      ctx.fireChannelRead(msg);
      return;
    }
    if (overflowed) {
      request.release();
      return;
    }
    pending++;
    if (pending > max) {
      overflowed = true;
      ctx.channel().config().setAutoRead(false);
      ctx.fireChannelRead(new RejectedRequest(closing(request), tooMany()));
      return;
    }
    if (pending == max) {
      ctx.channel().config().setAutoRead(false);
    }
    ctx.fireChannelRead(request);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof LastHttpContent && pending > 0) {
      pending--;
      if (pending < max && !overflowed) {
        ctx.channel().config().setAutoRead(true);
      }
    }
    ctx.write(msg, promise);
  }

  /** An upgraded connection reads again: its streams have their own flow control. */
  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    if (!overflowed) {
      ctx.channel().config().setAutoRead(true);
    }
  }

  /** Requests read and not yet answered; for tests. */
  int pending() {
    return pending;
  }

  private ApiError tooMany() {
    return ApiError.forKind(
        KubeletApiException.Kind.TOO_MANY_REQUESTS,
        "more than " + max + " pipelined requests on one connection");
  }

  /** A bodiless copy that asks for the connection to close, so the answer ends it. */
  private static FullHttpRequest closing(FullHttpRequest request) {
    FullHttpRequest copy =
        new DefaultFullHttpRequest(request.protocolVersion(), request.method(), request.uri());
    copy.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    request.release();
    return copy;
  }
}
