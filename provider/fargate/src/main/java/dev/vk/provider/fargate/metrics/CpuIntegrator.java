package dev.vk.provider.fargate.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Turns CloudWatch's per-minute CPU averages into the cumulative CPU seconds that {@code
 * /metrics/resource} reports and metrics-server turns back into a rate. Each refresh adds the
 * newest rate times the time since the previous refresh, so the rate metrics-server computes
 * between two samples is the newest CloudWatch average. A container seen for the first time starts
 * at its rate times its uptime (the history before is not read, to keep one query per metric). The
 * node's counter integrates the sum of its pods' rates the same way, so it never goes backwards
 * when a pod leaves. Thread-safe.
 */
final class CpuIntegrator {
  private record Point(Instant time, double coreSeconds) {}

  private final Map<String, Point> containers = new HashMap<>();
  private Point node;

  /** The container's cumulative core-seconds at {@code now}, given its current rate in cores. */
  synchronized double container(String key, Instant startedAt, double cores, Instant now) {
    Point before = containers.get(key);
    double value =
        before == null
            ? cores * seconds(startedAt, now)
            : before.coreSeconds() + cores * seconds(before.time(), now);
    containers.put(key, new Point(now, value));
    return value;
  }

  /**
   * The node's cumulative core-seconds at {@code now}.
   *
   * @param firstValue used the first time: the sum of the pods' counters
   */
  synchronized double node(double cores, double firstValue, Instant now) {
    double value =
        node == null ? firstValue : node.coreSeconds() + cores * seconds(node.time(), now);
    node = new Point(now, value);
    return value;
  }

  /** Forgets containers no longer running. */
  synchronized void retain(Set<String> keys) {
    containers.keySet().retainAll(keys);
  }

  private static double seconds(Instant from, Instant to) {
    return Math.max(0, Duration.between(from, to).toMillis() / 1000.0);
  }
}
