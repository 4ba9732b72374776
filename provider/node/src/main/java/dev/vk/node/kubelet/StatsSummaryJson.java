package dev.vk.node.kubelet;

import dev.vk.kubelet.types.ResourceUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Renders usage as the kubelet's {@code /stats/summary} document (stats/v1alpha1 Summary): node,
 * then pods with podRef, containers, cpu and memory, the fields metrics-server and the
 * virtual-kubelet e2e suite read.
 */
final class StatsSummaryJson {
  private StatsSummaryJson() {}

  /**
   * @param uids pod UID by namespace and name, for podRef
   */
  static Map<String, Object> render(
      String nodeName, ResourceUsage usage, BiFunction<String, String, String> uids) {
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("nodeName", nodeName);
    if (usage.node() != null) { // unknown (e.g. no pod has data yet): the kubelet omits the stats
      node.put("cpu", cpu(usage.node().time(), usage.node().cpuCoreSeconds(), null));
      node.put("memory", memory(usage.node().time(), usage.node().memoryWorkingSetBytes()));
    }
    List<Object> pods = new ArrayList<>();
    for (ResourceUsage.Pod p : usage.pods()) {
      Map<String, Object> pod = new LinkedHashMap<>();
      pod.put(
          "podRef",
          Map.of(
              "name",
              p.name(),
              "namespace",
              p.namespace(),
              "uid",
              uids.apply(p.namespace(), p.name())));
      List<Object> containers = new ArrayList<>();
      Instant podStart = p.time();
      for (ResourceUsage.Container c : p.containers()) {
        podStart = c.startTime().isBefore(podStart) ? c.startTime() : podStart;
        Map<String, Object> container = new LinkedHashMap<>();
        container.put("name", c.name());
        container.put("startTime", c.startTime().toString());
        container.put("cpu", cpu(c.time(), c.cpuCoreSeconds(), c.startTime()));
        container.put("memory", memory(c.time(), c.memoryWorkingSetBytes()));
        containers.add(container);
      }
      pod.put("startTime", podStart.toString());
      pod.put("containers", containers);
      pod.put("cpu", cpu(p.time(), p.cpuCoreSeconds(), podStart));
      pod.put("memory", memory(p.time(), p.memoryWorkingSetBytes()));
      pods.add(pod);
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("node", node);
    summary.put("pods", pods);
    return summary;
  }

  /** usageNanoCores is a rate; without two samples the average since start is the honest one. */
  private static Map<String, Object> cpu(Instant time, double coreSeconds, Instant since) {
    Map<String, Object> cpu = new LinkedHashMap<>();
    cpu.put("time", time.toString());
    long total = (long) (coreSeconds * 1e9);
    cpu.put("usageCoreNanoSeconds", total);
    if (since != null) {
      long nanos = Math.max(1, Duration.between(since, time).toNanos());
      cpu.put("usageNanoCores", (long) (total * 1e9 / nanos));
    }
    return cpu;
  }

  private static Map<String, Object> memory(Instant time, long workingSet) {
    return Map.of("time", time.toString(), "workingSetBytes", workingSet, "usageBytes", workingSet);
  }
}
