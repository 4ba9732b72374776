package dev.vk.provider.mock;

import dev.vk.provider.DaemonThreads;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * The threads behind the streaming abilities: a pool of workers for the blocking client streams of
 * exec, attach and port-forward (log readers are {@link MockLogs}'). All are daemons, created on
 * first use, and stopped by {@link #close}.
 */
final class MockThreads implements AutoCloseable {

  private final ThreadPoolExecutor workers =
      (ThreadPoolExecutor) Executors.newCachedThreadPool(DaemonThreads.factory("mock-provider-io"));

  ExecutorService workers() {
    return workers;
  }

  /** Workers running a command or a stream now. */
  int activeWorkers() {
    return workers.getActiveCount();
  }

  /** Stops everything; running commands are interrupted. Does not wait for them. */
  @Override
  public void close() {
    workers.shutdownNow();
  }
}
