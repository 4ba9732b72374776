package dev.vk.provider.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a {@code /metrics/resource} answer the way metrics-server's decoder does, so a test can
 * assert what {@code kubectl top} would show. Like metrics-server: only the {@code node_*} and
 * {@code container_*} families count, a usage sample must carry its millisecond timestamp, CPU is
 * kept as cumulative nanoseconds, the node is dropped when its CPU or memory is 0, and a pod is
 * dropped when any of its containers has CPU or memory 0. {@link #cores} is the rate metrics-server
 * computes from two scrapes.
 */
public final class MetricsServerDecode {
  private MetricsServerDecode() {}

  /** One sample; {@code startTime} null when not reported. */
  public record Point(Instant time, long cumulativeCpuNanos, long memoryBytes, Instant startTime) {}

  /**
   * @param node null when dropped
   * @param pods by {@code namespace/name}, then by container name
   */
  public record Batch(Point node, Map<String, Map<String, Point>> pods) {}

  public static Batch decode(String text) {
    Point node = new Point(null, 0, 0, null);
    Map<String, Map<String, Point>> pods = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int brace = line.indexOf('{');
      int space = line.indexOf(' ');
      String name = line.substring(0, brace >= 0 && brace < space ? brace : space);
      Map<String, String> labels = new HashMap<>();
      String rest = line;
      if (brace >= 0 && brace < space) {
        int close = labels(line, brace + 1, labels);
        rest = line.substring(close + 1);
      } else {
        rest = line.substring(space);
      }
      String[] fields = rest.trim().split(" ");
      double value = Double.parseDouble(fields[0]);
      Instant time = fields.length > 1 ? Instant.ofEpochMilli(Long.parseLong(fields[1])) : null;
      switch (name) {
        case "node_cpu_usage_seconds_total" ->
            node = new Point(required(time, name), nanos(value), node.memoryBytes(), null);
        case "node_memory_working_set_bytes" ->
            node = new Point(required(time, name), node.cumulativeCpuNanos(), (long) value, null);
        case "container_cpu_usage_seconds_total" ->
            update(
                pods,
                labels,
                p -> new Point(required(time, name), nanos(value), p.memoryBytes(), p.startTime()));
        case "container_memory_working_set_bytes" ->
            update(
                pods,
                labels,
                p ->
                    new Point(
                        required(time, name), p.cumulativeCpuNanos(), (long) value, p.startTime()));
        case "container_start_time_seconds" ->
            update(
                pods,
                labels,
                p ->
                    new Point(
                        p.time(),
                        p.cumulativeCpuNanos(),
                        p.memoryBytes(),
                        Instant.ofEpochMilli((long) (value * 1000))));
        default -> {}
      }
    }
    boolean nodeComplete =
        node.time() != null && node.cumulativeCpuNanos() != 0 && node.memoryBytes() != 0;
    pods.values()
        .removeIf(
            containers ->
                containers.values().stream()
                    .anyMatch(
                        p ->
                            p.time() == null
                                || p.cumulativeCpuNanos() == 0
                                || p.memoryBytes() == 0));
    return new Batch(nodeComplete ? node : null, pods);
  }

  /**
   * The CPU rate in cores between two samples of one container or node, as metrics-server computes
   * it; fails where metrics-server rejects the pair (time not moving forward, counter going down).
   */
  public static double cores(Point earlier, Point later) {
    if (!later.time().isAfter(earlier.time())) {
      throw new IllegalArgumentException(
          "the later sample is not newer: " + earlier + ", " + later);
    }
    if (later.cumulativeCpuNanos() < earlier.cumulativeCpuNanos()) {
      throw new IllegalArgumentException("cumulative CPU went down: " + earlier + ", " + later);
    }
    long nanos = Duration.between(earlier.time(), later.time()).toNanos();
    return (double) (later.cumulativeCpuNanos() - earlier.cumulativeCpuNanos()) / nanos;
  }

  private interface Change {
    Point apply(Point before);
  }

  private static void update(
      Map<String, Map<String, Point>> pods, Map<String, String> labels, Change change) {
    String pod = labels.get("namespace") + "/" + labels.get("pod");
    Map<String, Point> containers = pods.computeIfAbsent(pod, k -> new LinkedHashMap<>());
    containers.put(
        labels.get("container"),
        change.apply(
            containers.getOrDefault(labels.get("container"), new Point(null, 0, 0, null))));
  }

  private static Instant required(Instant time, String family) {
    if (time == null) {
      throw new IllegalArgumentException(family + " sample has no timestamp");
    }
    return time;
  }

  private static long nanos(double seconds) {
    return (long) (seconds * 1e9);
  }

  /** Reads {@code k="v",...} from {@code from}; returns the index of the closing brace. */
  private static int labels(String line, int from, Map<String, String> out) {
    int i = from;
    while (line.charAt(i) != '}') {
      int eq = line.indexOf('=', i);
      String key = line.substring(i, eq);
      StringBuilder value = new StringBuilder();
      int j = eq + 2;
      while (line.charAt(j) != '"') {
        char c = line.charAt(j);
        if (c == '\\') {
          char next = line.charAt(++j);
          value.append(next == 'n' ? '\n' : next);
        } else {
          value.append(c);
        }
        j++;
      }
      out.put(key, value.toString());
      i = line.charAt(j + 1) == ',' ? j + 2 : j + 1;
    }
    return i;
  }
}
