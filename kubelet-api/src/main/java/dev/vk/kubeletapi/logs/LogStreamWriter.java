package dev.vk.kubeletapi.logs;

import dev.vk.kubelet.types.LogLine;
import dev.vk.kubeletapi.http.Exchange;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultHttpContent;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes log lines to a chunked response, one flushed chunk per line, so {@code follow} clients see
 * each line at once. Demand follows the socket: a line is requested only when an earlier write
 * completed. The subscription is cancelled when the client goes away or {@code limitBytes} is
 * reached, so the source stops and nothing leaks.
 */
public final class LogStreamWriter implements Flow.Subscriber<LogLine> {
  private static final Logger log = LoggerFactory.getLogger(LogStreamWriter.class);

  /** Lines in flight between the source and the socket. */
  static final int WINDOW = 16;

  private final Exchange exchange;
  private final boolean timestamps;
  private final long limitBytes;
  private final AtomicBoolean done = new AtomicBoolean();
  private volatile Flow.Subscription subscription;
  private long written;

  /**
   * @param limitBytes the byte budget, or {@link Long#MAX_VALUE}
   */
  public LogStreamWriter(Exchange exchange, boolean timestamps, long limitBytes) {
    this.exchange = exchange;
    this.timestamps = timestamps;
    this.limitBytes = limitBytes;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    Channel channel = exchange.ctx().channel();
    channel.closeFuture().addListener(f -> finish(true));
    s.request(WINDOW);
  }

  @Override
  public void onNext(LogLine line) {
    if (done.get()) {
      return;
    }
    byte[] bytes = LogLineFormat.render(line, timestamps);
    long room = limitBytes - written;
    boolean last = bytes.length >= room;
    int length = last ? (int) room : bytes.length;
    written += length;
    exchange
        .ctx()
        .writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(bytes, 0, length)))
        .addListener(
            f -> {
              if (f.isSuccess() && !done.get()) {
                subscription.request(1);
              }
            });
    if (last) {
      finish(true);
    }
  }

  @Override
  public void onError(Throwable error) {
    // The status line is long gone; all we can do is end the body.
    log.warn("container log stream failed: {}", error.toString());
    finish(false);
  }

  @Override
  public void onComplete() {
    finish(false);
  }

  private void finish(boolean cancel) {
    if (!done.compareAndSet(false, true)) {
      return;
    }
    if (cancel && subscription != null) {
      subscription.cancel();
    }
    exchange.endStream();
  }
}
