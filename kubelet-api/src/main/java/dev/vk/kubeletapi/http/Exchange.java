package dev.vk.kubeletapi.http;

import dev.vk.kubeletapi.spi.KubeletApiListener;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * One request and its way back to the client. Every exchange ends exactly once, by {@link
 * #respond}, {@link #fail}, {@link #endStream} or {@link #upgraded}; then the connection may serve
 * the next request (or closes, without keep-alive).
 */
public final class Exchange {
  private final ChannelHandlerContext ctx;
  private final FullHttpRequest request;
  private final QueryStringDecoder uri;
  private final Map<String, String> pathParams;
  private final Executor blocking;
  private final Consumer<Boolean> onEnd;
  private final boolean keepAlive;
  private final String route;
  private final String methodName;
  private final KubeletApiListener listener;
  private boolean ended;
  private boolean streaming;
  private final ChannelFutureListener onClose = closed -> onEventLoop(this::streamClosed);

  Exchange(
      ChannelHandlerContext ctx,
      FullHttpRequest request,
      Map<String, String> pathParams,
      Executor blocking,
      Consumer<Boolean> onEnd,
      String route,
      KubeletApiListener listener) {
    this.ctx = ctx;
    this.request = request;
    this.uri = new QueryStringDecoder(request.uri());
    this.pathParams = Map.copyOf(pathParams);
    this.blocking = blocking;
    this.onEnd = onEnd;
    this.keepAlive = HttpUtil.isKeepAlive(request);
    this.route = route;
    this.methodName = request.method().name();
    this.listener = listener;
  }

  public ChannelHandlerContext ctx() {
    return ctx;
  }

  /** The request itself; released once the route handler returns, so use it synchronously. */
  public FullHttpRequest request() {
    return request;
  }

  public HttpMethod method() {
    return request.method();
  }

  public HttpHeaders headers() {
    return request.headers();
  }

  public String path() {
    return uri.path();
  }

  /** A path variable of the matched template, such as {@code namespace}. */
  public String pathParam(String name) {
    return pathParams.get(name);
  }

  /** The query, decoded, every value of every parameter in order. */
  public Map<String, List<String>> query() {
    return uri.parameters();
  }

  /** The executor for calls that may block. */
  public Executor blocking() {
    return blocking;
  }

  /** Sends a complete response and ends the exchange. */
  public void respond(FullHttpResponse response) {
    onEventLoop(
        () -> {
          if (ended) {
            response.release();
            return;
          }
          HttpUtil.setKeepAlive(response, keepAlive);
          listener.responded(route, methodName, response.status().code());
          ChannelFuture written = ctx.writeAndFlush(response);
          if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
          }
          end(keepAlive);
        });
  }

  /** Sends {@code error} as a Status body and ends the exchange. */
  public void fail(Throwable error) {
    respond(Responses.error(ApiError.of(error)));
  }

  /**
   * Runs {@code call} on the blocking executor, then {@code onResult} on the event loop. A failure
   * of either fails the exchange.
   */
  public <T> void offload(Callable<T> call, Consumer<T> onResult) {
    CompletableFuture<T> pending;
    try {
      pending =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return call.call();
                } catch (Exception e) {
                  throw new CompletionException(e);
                }
              },
              blocking);
    } catch (RejectedExecutionException e) {
      // A full pool: answered 503 by ApiError.
      pending = CompletableFuture.failedFuture(e);
    }
    pending.whenCompleteAsync(
        (result, error) -> {
          if (error != null) {
            fail(error);
            return;
          }
          try {
            onResult.accept(result);
          } catch (RuntimeException e) {
            fail(e);
          }
        },
        ctx.executor());
  }

  /** Starts a streamed (chunked) response; end it with {@link #endStream()}. */
  public void startStream(HttpResponse head) {
    HttpUtil.setTransferEncodingChunked(head, true);
    HttpUtil.setKeepAlive(head, keepAlive);
    listener.responded(route, methodName, head.status().code());
    streamOpened();
    ctx.writeAndFlush(head);
  }

  /** Ends a streamed response and the exchange. Safe to call more than once, from any thread. */
  public void endStream() {
    onEventLoop(
        () -> {
          if (ended) {
            return;
          }
          streamClosed();
          ChannelFuture written = ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
          if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
          }
          end(keepAlive);
        });
  }

  /** Ends the exchange because the connection now speaks another protocol. */
  public void upgraded() {
    onEventLoop(
        () -> {
          listener.responded(route, methodName, 101);
          streamOpened();
          end(false);
        });
  }

  /** A stream lasts until it ends or its connection closes, whichever comes first. */
  private void streamOpened() {
    streaming = true;
    listener.streamOpened(route);
    ctx.channel().closeFuture().addListener(onClose);
  }

  private void streamClosed() {
    if (streaming) {
      streaming = false;
      // A kept-alive connection may carry many streams: do not pile up listeners on it.
      ctx.channel().closeFuture().removeListener(onClose);
      listener.streamClosed(route);
    }
  }

  private void end(boolean reuse) {
    ended = true;
    onEnd.accept(reuse);
  }

  private void onEventLoop(Runnable task) {
    if (ctx.executor().inEventLoop()) {
      task.run();
    } else {
      ctx.executor().execute(task);
    }
  }
}
