package dev.vk.emulator.aci.lifecycle;

import java.time.Duration;

/**
 * Timings of the simulated lifecycle.
 *
 * @param pullTime from create (or redeploy) until containers start; provisioning is {@code Pending}
 *     for the first half and {@code Creating} for the second
 * @param minimumRunTime the shortest time a container runs, so {@code exit 3} is observable as
 *     Running first, as on ACI where a process needs time to start
 * @param restartBackoff delay before the first restart; doubles per restart (CrashLoopBackOff)
 * @param maxRestartBackoff cap of the doubling delay
 * @param maxLogLines lines kept per container, like ACI's 4 MB cap
 */
public record LifecycleSettings(
    Duration pullTime,
    Duration minimumRunTime,
    Duration restartBackoff,
    Duration maxRestartBackoff,
    int maxLogLines) {

  /** Defaults fast enough for tests yet slow enough to observe every state. */
  public static LifecycleSettings defaults() {
    return new LifecycleSettings(
        Duration.ofSeconds(2),
        Duration.ofSeconds(1),
        Duration.ofSeconds(1),
        Duration.ofMinutes(5),
        10_000);
  }

  /** The delay before restart number {@code restart} (0-based). */
  public Duration backoff(int restart) {
    Duration delay = restartBackoff.multipliedBy(1L << Math.min(restart, 20));
    return delay.compareTo(maxRestartBackoff) > 0 ? maxRestartBackoff : delay;
  }
}
