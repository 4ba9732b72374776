package dev.vk.emulator.ecs.exec;

import dev.vk.emulator.ecs.time.Scheduler;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Runs a session's timers on its channel's event loop, so the session needs no locking. */
final class EventLoopScheduler implements Scheduler {
  private final EventExecutor executor;
  private final Clock clock;

  EventLoopScheduler(EventExecutor executor, Clock clock) {
    this.executor = executor;
    this.clock = clock;
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public Cancellable schedule(Duration delay, Runnable action) {
    ScheduledFuture<?> future = executor.schedule(action, delay.toNanos(), TimeUnit.NANOSECONDS);
    return () -> future.cancel(false);
  }
}
