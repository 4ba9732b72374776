package dev.vk.kubeletapi.limits;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A deadline for reading a request, against slow senders that keep a connection alive with a byte
 * now and then (the idle timer restarts on every byte). The clock starts when the connection opens
 * (covering the TLS handshake and the first request) and again with the first byte of each later
 * request; it stops when the whole request has been read. A connection that misses it is closed.
 *
 * <p>Two handlers share the clock: {@link #start()} sits before the HTTP codec and sees bytes,
 * {@link #finish()} after the aggregator and sees whole requests. Both run on the connection's
 * event loop. Create one per connection.
 */
public final class RequestReadTimeout {
  private static final Logger log = LoggerFactory.getLogger(RequestReadTimeout.class);

  private final long timeoutNanos;
  private ScheduledFuture<?> timer;

  public RequestReadTimeout(Duration timeout) {
    this.timeoutNanos = timeout.toNanos();
  }

  /** Starts the clock on connect and on a request's first byte. */
  public ChannelInboundHandlerAdapter start() {
    return new ChannelInboundHandlerAdapter() {
      @Override
      public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
          arm(ctx);
        }
      }

      @Override
      public void channelActive(ChannelHandlerContext ctx) {
        arm(ctx);
        ctx.fireChannelActive();
      }

      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf bytes && bytes.isReadable()) {
          arm(ctx);
        }
        ctx.fireChannelRead(msg);
      }

      @Override
      public void handlerRemoved(ChannelHandlerContext ctx) {
        disarm();
      }

      @Override
      public void channelInactive(ChannelHandlerContext ctx) {
        disarm();
        ctx.fireChannelInactive();
      }
    };
  }

  /** Stops the clock when a whole request has arrived. */
  public ChannelInboundHandlerAdapter finish() {
    return new ChannelInboundHandlerAdapter() {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof FullHttpRequest) {
          disarm();
        }
        ctx.fireChannelRead(msg);
      }
    };
  }

  /** Whether the clock runs; for tests. */
  boolean armed() {
    return timer != null;
  }

  private void arm(ChannelHandlerContext ctx) {
    if (timer != null) {
      return;
    }
    timer =
        ctx.executor()
            .schedule(
                () -> {
                  log.debug(
                      "closing {}: no complete request within {} ms",
                      ctx.channel().remoteAddress(),
                      TimeUnit.NANOSECONDS.toMillis(timeoutNanos));
                  ctx.close();
                },
                timeoutNanos,
                TimeUnit.NANOSECONDS);
  }

  private void disarm() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }
}
