package dev.vk.kubeletapi.auth;

import dev.vk.kubeletapi.http.ApiError;
import dev.vk.kubeletapi.http.RejectedRequest;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javax.net.ssl.SSLSession;

/**
 * Lets a request through only when {@link AccessControl} allows it; a refused one becomes a {@link
 * RejectedRequest}. The check may block, so it runs on the blocking executor, one request at a time
 * per connection to keep their order; requests refused earlier wait their turn too. A full executor
 * refuses the request (503). The queue is bounded by the {@link
 * dev.vk.kubeletapi.limits.PipelineLimiter} in front.
 */
public final class AuthFilter extends ChannelInboundHandlerAdapter {
  private final AccessControl accessControl;
  private final Executor blocking;
  private final Queue<Object> waiting = new ArrayDeque<>();
  private boolean checking;

  public AuthFilter(AccessControl accessControl, Executor blocking) {
    this.accessControl = accessControl;
    this.blocking = blocking;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof FullHttpRequest) && !(msg instanceof RejectedRequest)) {
      ctx.fireChannelRead(msg);
      return;
    }
    if (checking) {
      waiting.add(msg);
      return;
    }
    next(ctx, msg);
  }

  private void next(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof FullHttpRequest request) {
      check(ctx, request);
    } else {
      ctx.fireChannelRead(msg);
      Object after = waiting.poll();
      if (after != null) {
        next(ctx, after);
      }
    }
  }

  private void check(ChannelHandlerContext ctx, FullHttpRequest request) {
    checking = true;
    // Read headers on the event loop: the token is stripped from the request before it goes on.
    Optional<String> token = BearerTokens.take(request.headers());
    SSLSession session = session(ctx);
    String path = new QueryStringDecoder(request.uri()).path();
    if (accessControl.allowedFromCache(session, token, request.method(), path)) {
      checking = false;
      ctx.fireChannelRead(request);
      Object next = waiting.poll();
      if (next != null) {
        next(ctx, next);
      }
      return;
    }
    CompletableFuture<ApiError> decision;
    try {
      decision =
          CompletableFuture.supplyAsync(
              () -> accessControl.check(session, token, request.method(), path), blocking);
    } catch (RejectedExecutionException e) {
      decision = CompletableFuture.failedFuture(e);
    }
    decision.whenCompleteAsync(
        (refusal, error) -> {
          if (!ctx.channel().isActive()) {
            request.release();
          } else if (error != null) {
            ctx.fireChannelRead(new RejectedRequest(request, ApiError.of(error)));
          } else if (refusal != null) {
            ctx.fireChannelRead(new RejectedRequest(request, refusal));
          } else {
            ctx.fireChannelRead(request);
          }
          checking = false;
          Object next = waiting.poll();
          if (next != null) {
            next(ctx, next);
          }
        },
        ctx.executor());
  }

  private static SSLSession session(ChannelHandlerContext ctx) {
    SslHandler ssl = ctx.pipeline().get(SslHandler.class);
    return ssl == null ? null : ssl.engine().getSession();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    Object r;
    while ((r = waiting.poll()) != null) {
      ReferenceCountUtil.release(r instanceof RejectedRequest rejected ? rejected.request() : r);
    }
    ctx.fireChannelInactive();
  }
}
