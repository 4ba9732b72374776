package dev.vk.provider.aci.metrics;

import dev.vk.kubelet.types.ResourceUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns per-minute averages into what the kubelet reports: a cumulative CPU counter per container
 * run (core-seconds: each complete minute adds its average times the part of the minute the run
 * covered) stamped with the end of its latest complete minute, and the latest memory average.
 * Minutes still being queried may be revised by Azure and are replaced; older ones are folded into
 * the counter. A new run of a container (another start time) starts a new counter; the node's
 * counter keeps what ended runs used, so it never goes down. Not thread-safe: {@link AciMetrics}
 * serialises calls.
 */
final class UsageLedger {

  private record Key(String group, String container, Instant started) {}

  private static final class Series {
    double folded;
    Instant foldedBefore;
    final TreeMap<Instant, Double> open = new TreeMap<>();
    Instant cpuEnd;
    long memory;
    Instant memoryBucket;

    double cpu() {
      return folded + open.values().stream().mapToDouble(Double::doubleValue).sum();
    }
  }

  private final Duration interval;
  private final Map<Key, Series> series = new HashMap<>();
  private double retired;

  UsageLedger(Duration interval) {
    this.interval = interval;
  }

  /**
   * Takes in the answer to a query of {@code [windowStart, windowEnd]} for {@code targets}: buckets
   * that end after {@code windowEnd} are incomplete and skipped, as are samples of containers not
   * running now and buckets that ended before the current run began.
   */
  void record(
      List<MetricSample> samples,
      List<MetricsTarget> targets,
      Instant windowStart,
      Instant windowEnd) {
    Map<String, MetricsTarget> byGroup = new HashMap<>();
    targets.forEach(t -> byGroup.put(lower(t.group()), t));
    for (MetricSample s : samples) {
      MetricsTarget target = byGroup.get(lower(s.group()));
      MetricsTarget.RunningContainer run = target == null ? null : running(target, s.container());
      Instant bucketEnd = s.bucket().plus(interval);
      if (run == null || bucketEnd.isAfter(windowEnd) || !bucketEnd.isAfter(run.startedAt())) {
        continue;
      }
      Series x =
          series.computeIfAbsent(
              new Key(lower(target.group()), run.name(), run.startedAt()), k -> new Series());
      if (MetricSample.CPU.equals(s.metric())) {
        if (x.foldedBefore != null && s.bucket().isBefore(x.foldedBefore)) {
          continue;
        }
        Instant from = s.bucket().isAfter(run.startedAt()) ? s.bucket() : run.startedAt();
        double seconds = Duration.between(from, bucketEnd).toMillis() / 1000.0;
        x.open.put(s.bucket(), s.average() / 1000.0 * seconds);
        x.cpuEnd = x.cpuEnd == null || bucketEnd.isAfter(x.cpuEnd) ? bucketEnd : x.cpuEnd;
      } else if (MetricSample.MEMORY.equals(s.metric())
          && (x.memoryBucket == null || !s.bucket().isBefore(x.memoryBucket))) {
        x.memory = Math.round(s.average());
        x.memoryBucket = s.bucket();
      }
    }
    retainRunning(targets);
    for (Series x : series.values()) {
      var old = x.open.headMap(windowStart);
      x.folded += old.values().stream().mapToDouble(Double::doubleValue).sum();
      old.clear();
      x.foldedBefore = windowStart;
    }
  }

  /**
   * The usage of {@code targets}: a pod is reported only when each of its running containers has
   * CPU and memory data (a pod without data yet is left out, not reported as 0); the node is the
   * sum of what was reported, or unknown when nothing was.
   */
  ResourceUsage usage(List<MetricsTarget> targets) {
    List<ResourceUsage.Pod> pods = new ArrayList<>();
    Instant nodeTime = null;
    long nodeMemory = 0;
    for (MetricsTarget t : targets) {
      List<ResourceUsage.Container> containers = new ArrayList<>();
      for (MetricsTarget.RunningContainer run : t.containers()) {
        Series x = series.get(new Key(lower(t.group()), run.name(), run.startedAt()));
        if (x == null
            || x.cpuEnd == null
            || x.memoryBucket == null
            || x.cpu() <= 0
            || x.memory <= 0) {
          containers.clear();
          break;
        }
        containers.add(
            new ResourceUsage.Container(run.name(), run.startedAt(), x.cpuEnd, x.cpu(), x.memory));
      }
      if (containers.isEmpty()) {
        continue;
      }
      Instant time =
          containers.stream().map(ResourceUsage.Container::time).max(Instant::compareTo).get();
      long memory =
          containers.stream().mapToLong(ResourceUsage.Container::memoryWorkingSetBytes).sum();
      double cpu = containers.stream().mapToDouble(ResourceUsage.Container::cpuCoreSeconds).sum();
      pods.add(new ResourceUsage.Pod(t.namespace(), t.pod(), time, cpu, memory, containers));
      nodeMemory += memory;
      nodeTime = nodeTime == null || time.isAfter(nodeTime) ? time : nodeTime;
    }
    if (pods.isEmpty()) {
      return new ResourceUsage(null, List.of());
    }
    double nodeCpu = retired + series.values().stream().mapToDouble(Series::cpu).sum();
    return new ResourceUsage(new ResourceUsage.Node(nodeTime, nodeCpu, nodeMemory), pods);
  }

  /** Forgets runs that are no longer running; the node keeps their CPU time. */
  void retainRunning(List<MetricsTarget> targets) {
    Set<Key> running = new HashSet<>();
    for (MetricsTarget t : targets) {
      t.containers().forEach(c -> running.add(new Key(lower(t.group()), c.name(), c.startedAt())));
    }
    var it = series.entrySet().iterator();
    while (it.hasNext()) {
      var e = it.next();
      if (!running.contains(e.getKey())) {
        retired += e.getValue().cpu();
        it.remove();
      }
    }
  }

  private static MetricsTarget.RunningContainer running(MetricsTarget target, String container) {
    for (MetricsTarget.RunningContainer c : target.containers()) {
      if (c.name().equalsIgnoreCase(container)) {
        return c;
      }
    }
    return null;
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
