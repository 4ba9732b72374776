package dev.vk.provider.fargate.status;

import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * How long to wait before replacing a stopped task, like the kubelet's CrashLoopBackOff: the first
 * replacement at once, then 10 s doubling to 5 min; a task that ran 10 minutes resets the count.
 */
public final class RestartBackoff {
  static final Duration BASE = Duration.ofSeconds(10);
  static final Duration MAX = Duration.ofMinutes(5);
  static final Duration RESET_AFTER = Duration.ofMinutes(10);

  private RestartBackoff() {}

  /**
   * The delay before replacement number {@code restarts + 1} of a task that stopped at {@code now}.
   */
  public static Duration delay(int restarts, Task stopped, Instant now) {
    Instant started = stopped.startedAt();
    if (restarts == 0
        || (started != null && Duration.between(started, now).compareTo(RESET_AFTER) >= 0)) {
      return Duration.ZERO;
    }
    long factor = 1L << Math.min(restarts - 1, 10);
    Duration delay = BASE.multipliedBy(factor);
    return delay.compareTo(MAX) > 0 ? MAX : delay;
  }
}
