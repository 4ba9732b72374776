package dev.vk.provider;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Named daemon threads for the node and the providers: daemons so a forgotten executor never keeps
 * the JVM alive, named so thread dumps say what each thread is for.
 */
public final class DaemonThreads {
  private DaemonThreads() {}

  /**
   * A factory of daemon threads named {@code prefix-1}, {@code prefix-2}, ... Never blocks.
   *
   * @param prefix what the threads do, e.g. {@code "aci-logs"}
   */
  public static ThreadFactory factory(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /**
   * Starts one daemon thread with exactly this name and returns it. Never blocks.
   *
   * @param name the thread's name
   * @param task what it runs
   */
  public static Thread start(String name, Runnable task) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }
}
