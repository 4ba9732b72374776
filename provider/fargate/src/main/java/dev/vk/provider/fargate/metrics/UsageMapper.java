package dev.vk.provider.fargate.metrics;

import dev.vk.kubelet.types.ResourceUsage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Maps Container Insights samples to the kubelet's usage shape: 1024 CPU units are one core, memory
 * megabytes are MiB. A pod is reported only when every running container has data, because a pod
 * with a missing container would read as using less than it does (metrics-server also drops a pod
 * with a zero container); a pod with no data yet is left out rather than reported as 0. The node is
 * the sum of the pods reported, and unknown (null) when there are none.
 */
final class UsageMapper {
  static final double CPU_UNITS_PER_CORE = 1024;
  static final long BYTES_PER_MEGABYTE = 1024 * 1024;

  private UsageMapper() {}

  /** Updates {@code cpu}'s counters; otherwise pure. */
  static ResourceUsage map(
      List<ContainerSeries> series,
      Map<String, InsightsReader.Sample> samples,
      CpuIntegrator cpu,
      Instant now) {
    Map<String, List<ContainerSeries>> byPod =
        series.stream()
            .collect(
                Collectors.groupingBy(
                    s -> s.namespace() + "/" + s.pod(), LinkedHashMap::new, Collectors.toList()));
    List<ResourceUsage.Pod> pods = new ArrayList<>();
    double nodeCores = 0;
    double nodeCpu = 0;
    long nodeMemory = 0;
    for (List<ContainerSeries> containers : byPod.values()) {
      if (!containers.stream().allMatch(c -> samples.containsKey(c.key()))) {
        continue;
      }
      List<ResourceUsage.Container> usages = new ArrayList<>();
      for (ContainerSeries c : containers) {
        InsightsReader.Sample sample = samples.get(c.key());
        double cores = sample.cpuUnits() / CPU_UNITS_PER_CORE;
        nodeCores += cores;
        usages.add(
            new ResourceUsage.Container(
                c.container(),
                c.startedAt(),
                now,
                cpu.container(c.key(), c.startedAt(), cores, now),
                Math.round(sample.memoryMegabytes() * BYTES_PER_MEGABYTE)));
      }
      double podCpu = usages.stream().mapToDouble(ResourceUsage.Container::cpuCoreSeconds).sum();
      long podMemory =
          usages.stream().mapToLong(ResourceUsage.Container::memoryWorkingSetBytes).sum();
      ContainerSeries first = containers.get(0);
      pods.add(
          new ResourceUsage.Pod(first.namespace(), first.pod(), now, podCpu, podMemory, usages));
      nodeCpu += podCpu;
      nodeMemory += podMemory;
    }
    cpu.retain(series.stream().map(ContainerSeries::key).collect(Collectors.toSet()));
    ResourceUsage.Node node =
        pods.isEmpty()
            ? null
            : new ResourceUsage.Node(now, cpu.node(nodeCores, nodeCpu, now), nodeMemory);
    return new ResourceUsage(node, pods);
  }
}
