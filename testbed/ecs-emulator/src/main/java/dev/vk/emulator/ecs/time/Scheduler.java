package dev.vk.emulator.ecs.time;

import java.time.Clock;
import java.time.Duration;

/**
 * Time source and delayed execution for everything the emulator simulates. Production uses a single
 * background thread ({@link ExecutorScheduler}); unit tests use {@link VirtualScheduler} so that a
 * task's whole lifecycle runs in microseconds without sleeping.
 */
public interface Scheduler {

  /** The clock that stamps every timestamp the emulator reports. */
  Clock clock();

  /**
   * Runs {@code action} once after {@code delay}. Actions run one at a time, never concurrently
   * with each other; callers still guard shared state because request threads also touch it.
   */
  Cancellable schedule(Duration delay, Runnable action);

  /** Handle to a scheduled action. */
  interface Cancellable {
    /** Prevents the action from running if it has not started; idempotent. */
    void cancel();
  }
}
