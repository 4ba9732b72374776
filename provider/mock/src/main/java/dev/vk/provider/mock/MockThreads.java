package dev.vk.provider.mock;

import dev.vk.provider.DaemonThreads;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * The threads behind the streaming abilities: one timer thread for log followers (their tasks never
 * block) and a pool of workers for the blocking client streams of exec, attach and port-forward.
 * All are daemons, created on first use, and stopped by {@link #close}.
 */
final class MockThreads implements AutoCloseable {

  private final ScheduledThreadPoolExecutor timer =
      new ScheduledThreadPoolExecutor(1, DaemonThreads.factory("mock-provider-timer"));
  private final ThreadPoolExecutor workers =
      (ThreadPoolExecutor) Executors.newCachedThreadPool(DaemonThreads.factory("mock-provider-io"));

  MockThreads() {
    // A cancelled follower must not leave its task queued until its next due time.
    timer.setRemoveOnCancelPolicy(true);
  }

  ScheduledExecutorService timer() {
    return timer;
  }

  ExecutorService workers() {
    return workers;
  }

  /** Timer tasks still scheduled: one per active log follower. */
  int scheduledTasks() {
    return timer.getQueue().size();
  }

  /** Workers running a command or a stream now. */
  int activeWorkers() {
    return workers.getActiveCount();
  }

  /** Stops everything; running commands are interrupted. Does not wait for them. */
  @Override
  public void close() {
    timer.shutdownNow();
    workers.shutdownNow();
  }
}
