package dev.vk.provider.logs;

import dev.vk.kubelet.types.LogLine;
import dev.vk.kubelet.types.LogOptions;
import dev.vk.provider.DaemonThreads;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * One provider's log publishing: the reader threads, the follow interval and the count of running
 * readers. Each {@link #publisher} serves one {@code kubectl logs} or attach request. Thread-safe.
 */
public final class LogPublishers implements AutoCloseable {
  private final ExecutorService readers;
  private final Duration followInterval;
  private final Clock clock;
  private final AtomicInteger running = new AtomicInteger();

  /**
   * @param threadName the reader threads' name prefix
   * @param followInterval how long a follower waits after a read that found nothing new
   * @param clock the "now" of {@code sinceSeconds}
   */
  public LogPublishers(String threadName, Duration followInterval, Clock clock) {
    this.readers = Executors.newCachedThreadPool(DaemonThreads.factory(threadName));
    this.followInterval = followInterval;
    this.clock = clock;
  }

  /**
   * A publisher of one log. Each subscriber gets its own reader from {@code readers}, created on
   * the subscribing thread (so it may note "now") and run on a reader thread. Does not block.
   */
  public Flow.Publisher<LogLine> publisher(LogOptions options, Supplier<LogReader> readers) {
    return new LogPublisher(this.readers, readers, options, followInterval, clock, running);
  }

  /** Readers running now: one per open request until it completes, fails or is cancelled. */
  public int running() {
    return running.get();
  }

  /** Stops every reader (each closes its {@link LogReader}); does not wait. Idempotent. */
  @Override
  public void close() {
    readers.shutdownNow();
  }
}
