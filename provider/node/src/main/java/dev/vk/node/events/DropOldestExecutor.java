package dev.vk.node.events;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker thread with a bounded queue that, when full, drops its oldest task to make room:
 * during an API server outage the newest events are worth more than the oldest, and memory must not
 * grow with the outage's length. Drops are counted and logged (the first, then every hundredth).
 * Thread-safe; {@link #execute} never blocks.
 */
final class DropOldestExecutor implements Executor, AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(DropOldestExecutor.class);

  private final String what;
  private final int capacity;
  private final AtomicLong dropped = new AtomicLong();
  private final ThreadPoolExecutor pool;

  DropOldestExecutor(String what, int capacity, ThreadFactory threads) {
    this.what = what;
    this.capacity = capacity;
    this.pool =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(capacity),
            threads,
            (task, executor) -> dropOldest(task, executor));
  }

  private void dropOldest(Runnable task, ThreadPoolExecutor executor) {
    if (executor.isShutdown()) {
      return;
    }
    if (executor.getQueue().poll() != null) {
      long count = dropped.incrementAndGet();
      if (count % 100 == 1) {
        logger.warn(
            "{} queue full ({} waiting): dropped the oldest; {} dropped so far",
            what,
            capacity,
            count);
      }
    }
    executor.execute(task);
  }

  @Override
  public void execute(Runnable task) {
    pool.execute(task);
  }

  /** Tasks dropped since start. */
  long dropped() {
    return dropped.get();
  }

  @Override
  public void close() {
    pool.shutdown();
  }
}
