package dev.vk.emulator.ecs.time;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wall-clock {@link Scheduler} on one daemon thread, so simulated events never overlap. */
public final class ExecutorScheduler implements Scheduler, AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(ExecutorScheduler.class);

  private final Clock clock;
  private final ScheduledExecutorService executor;

  public ExecutorScheduler(Clock clock) {
    this.clock = clock;
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "ecs-emulator-lifecycle");
              thread.setDaemon(true);
              return thread;
            });
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public Cancellable schedule(Duration delay, Runnable action) {
    if (executor.isShutdown()) {
      return () -> {};
    }
    ScheduledFuture<?> future =
        executor.schedule(() -> runLogged(action), delay.toNanos(), TimeUnit.NANOSECONDS);
    return () -> future.cancel(false);
  }

  private static void runLogged(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      // A failing simulated event must not kill the only lifecycle thread.
      logger.error("Scheduled emulator action failed", e);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
