package dev.vk.emulator.ecs.lifecycle;

import java.time.Duration;

/**
 * How long each simulated phase lasts. Real Fargate takes tens of seconds per phase; the emulator
 * keeps the order and shrinks the time. Container health checks run at the intervals their
 * definitions give (see {@link HealthMonitor}).
 *
 * @param provisioning PROVISIONING to PENDING (ENI attachment)
 * @param pull PENDING image pull, until containers start
 * @param activating ACTIVATING to RUNNING
 * @param deactivating DEACTIVATING to STOPPING
 * @param stopping STOPPING to DEPROVISIONING (containers get their stop signal)
 * @param deprovisioning DEPROVISIONING to STOPPED (ENI detach)
 * @param minimumRuntime the least time a container runs before its exit is reported, so a command
 *     like {@code exit 3} is observably RUNNING first
 * @param logInterval period of the line a long-running container logs
 * @param stoppedRetention how long STOPPED tasks stay visible (ECS: at least an hour)
 */
public record LifecycleTimings(
    Duration provisioning,
    Duration pull,
    Duration activating,
    Duration deactivating,
    Duration stopping,
    Duration deprovisioning,
    Duration minimumRuntime,
    Duration logInterval,
    Duration stoppedRetention) {

  /** Demo and integration-test pace: a task is RUNNING about a second after RunTask. */
  public static LifecycleTimings defaults() {
    return new LifecycleTimings(
        Duration.ofMillis(300),
        Duration.ofMillis(500),
        Duration.ofMillis(200),
        Duration.ofMillis(200),
        Duration.ofMillis(300),
        Duration.ofMillis(300),
        Duration.ofSeconds(1),
        Duration.ofSeconds(1),
        Duration.ofHours(1));
  }

  /** Every phase lasts {@code phase}; the rest as {@link #defaults()}. */
  public static LifecycleTimings uniform(Duration phase) {
    LifecycleTimings d = defaults();
    return new LifecycleTimings(
        phase,
        phase,
        phase,
        phase,
        phase,
        phase,
        d.minimumRuntime(),
        d.logInterval(),
        d.stoppedRetention());
  }
}
