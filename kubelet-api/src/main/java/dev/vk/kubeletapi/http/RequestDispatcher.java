package dev.vk.kubeletapi.http;

import dev.vk.kubeletapi.spi.KubeletApiException;
import dev.vk.kubeletapi.spi.KubeletApiListener;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each request to its route, one at a time per connection. Requests pipelined behind a
 * running one wait, so responses keep their order. An idle connection closes only between requests:
 * a quiet {@code follow} log stream must survive for hours.
 */
public final class RequestDispatcher extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(RequestDispatcher.class);

  private final Router router;
  private final Executor blocking;
  private final KubeletApiListener listener;
  private final Queue<Object> waiting = new ArrayDeque<>();
  private boolean busy;

  public RequestDispatcher(Router router, Executor blocking) {
    this(router, blocking, KubeletApiListener.NONE);
  }

  /**
   * @param listener hears every response and stream, for metrics
   */
  public RequestDispatcher(Router router, Executor blocking, KubeletApiListener listener) {
    this.router = router;
    this.blocking = blocking;
    this.listener = listener;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof FullHttpRequest) && !(msg instanceof RejectedRequest)) {
      ctx.fireChannelRead(msg);
      return;
    }
    if (busy) {
      waiting.add(msg);
      return;
    }
    dispatch(ctx, msg);
  }

  private void dispatch(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof RejectedRequest rejected) {
      busy = true;
      try {
        String rawPath = new QueryStringDecoder(rejected.request().uri()).rawPath();
        String route = router.template(rawPath).orElse(KubeletApiListener.UNMATCHED);
        exchange(ctx, rejected.request(), Map.of(), route)
            .respond(Responses.error(rejected.error()));
      } finally {
        rejected.request().release();
      }
      return;
    }
    route(ctx, (FullHttpRequest) msg);
  }

  private void route(ChannelHandlerContext ctx, FullHttpRequest request) {
    busy = true;
    try {
      if (request.decoderResult().isFailure()) {
        FullHttpResponse bad =
            Responses.error(ApiError.of(KubeletApiException.badRequest("malformed HTTP request")));
        listener.responded(
            KubeletApiListener.UNMATCHED, request.method().name(), bad.status().code());
        ctx.writeAndFlush(bad).addListener(ChannelFutureListener.CLOSE);
        return;
      }
      String rawPath = new QueryStringDecoder(request.uri()).rawPath();
      Router.Resolution resolution = router.resolve(request.method(), rawPath);
      if (resolution instanceof Router.Found found) {
        Exchange exchange = exchange(ctx, request, found.params(), found.template());
        try {
          found.handler().handle(exchange);
        } catch (Exception | LinkageError e) {
          exchange.fail(e);
        }
      } else if (resolution instanceof Router.MethodNotAllowed notAllowed) {
        FullHttpResponse response =
            Responses.error(
                ApiError.forKind(
                    KubeletApiException.Kind.METHOD_NOT_ALLOWED,
                    "method " + request.method() + " is not allowed on " + rawPath));
        response.headers().set(HttpHeaderNames.ALLOW, allowHeader(notAllowed));
        String route = router.template(rawPath).orElse(KubeletApiListener.UNMATCHED);
        exchange(ctx, request, Map.of(), route).respond(response);
      } else {
        exchange(ctx, request, Map.of(), KubeletApiListener.UNMATCHED)
            .fail(KubeletApiException.notFound("404 request not found: " + rawPath));
      }
    } finally {
      request.release();
    }
  }

  private Exchange exchange(
      ChannelHandlerContext ctx,
      FullHttpRequest request,
      Map<String, String> params,
      String route) {
    return new Exchange(
        ctx, request, params, blocking, reuse -> ended(ctx, reuse), route, listener);
  }

  private void ended(ChannelHandlerContext ctx, boolean reuse) {
    busy = false;
    if (!reuse) {
      // The exchange closes the connection, or hands it to another protocol.
      releaseWaiting();
      return;
    }
    Object next = waiting.poll();
    if (next != null) {
      dispatch(ctx, next);
    }
  }

  private static String allowHeader(Router.MethodNotAllowed notAllowed) {
    return notAllowed.allowed().stream().map(HttpMethod::name).collect(Collectors.joining(", "));
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof IdleStateEvent && !busy) {
      log.debug("closing idle connection {}", ctx.channel().remoteAddress());
      ctx.close();
      return;
    }
    ctx.fireUserEventTriggered(evt);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    releaseWaiting();
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.debug("closing connection {} after error", ctx.channel().remoteAddress(), cause);
    ctx.close();
  }

  private void releaseWaiting() {
    Object next;
    while ((next = waiting.poll()) != null) {
      ReferenceCountUtil.release(
          next instanceof RejectedRequest rejected ? rejected.request() : next);
    }
  }
}
