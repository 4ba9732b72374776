package dev.vk.kubeletapi.limits;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thread pools that refuse work beyond their bounds with a {@link
 * java.util.concurrent.RejectedExecutionException} (which {@link dev.vk.kubeletapi.http.ApiError}
 * answers with 503) instead of growing without limit; refusals are counted and logged. Idle threads
 * end after a minute.
 */
public final class BoundedPools {
  private static final Logger log = LoggerFactory.getLogger(BoundedPools.class);

  private BoundedPools() {}

  /**
   * @param queue tasks that may wait for a thread; 0 for none (a task runs now or is refused)
   */
  public static ExecutorService create(String name, int threads, int queue) {
    BlockingQueue<Runnable> waiting =
        queue == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queue);
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            1,
            TimeUnit.MINUTES,
            waiting,
            daemonThreads(name),
            refusing(name, threads, queue));
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /** Refuses with the exception callers map to 503; counts, and logs the first of each thousand. */
  private static RejectedExecutionHandler refusing(String name, int threads, int queue) {
    AtomicLong refused = new AtomicLong();
    return (task, pool) -> {
      long count = refused.incrementAndGet();
      if (count % 1000 == 1) {
        log.warn(
            "{}: all {} threads busy and {} tasks waiting; refusing work ({} refused so far)",
            name,
            threads,
            queue,
            count);
      }
      throw new RejectedExecutionException(name + " is full");
    };
  }

  private static ThreadFactory daemonThreads(String name) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
