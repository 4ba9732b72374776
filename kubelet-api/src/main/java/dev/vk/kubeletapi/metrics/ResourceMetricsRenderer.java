package dev.vk.kubeletapi.metrics;

import dev.vk.kubelet.types.PodMetricsSource;
import dev.vk.kubelet.types.ResourceUsage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the kubelet's resource metrics as the Go Prometheus registry does: families sorted by
 * name, labels sorted by name, usage samples with millisecond timestamps, and {@code
 * resource_scrape_error} always present.
 */
public final class ResourceMetricsRenderer {
  private static final Logger log = LoggerFactory.getLogger(ResourceMetricsRenderer.class);

  private ResourceMetricsRenderer() {}

  /** Collects and renders; a failed collection yields only {@code resource_scrape_error 1}. */
  public static String scrape(PodMetricsSource metrics) {
    try {
      return render(metrics.usage(), false);
    } catch (Exception e) {
      log.warn("collecting resource metrics failed: {}", e.toString());
      return render(new ResourceUsage(null, List.of()), true);
    }
  }

  public static String render(ResourceUsage usage, boolean scrapeError) {
    Map<String, Family> families = new TreeMap<>();
    ResourceUsage.Node node = usage.node();
    if (node != null) {
      family(
              families,
              "node_cpu_usage_seconds_total",
              "counter",
              "Cumulative cpu time consumed by the node in core-seconds")
          .add("", node.cpuCoreSeconds(), node.time());
      family(
              families,
              "node_memory_working_set_bytes",
              "gauge",
              "Current working set of the node in bytes")
          .add("", node.memoryWorkingSetBytes(), node.time());
    }
    for (ResourceUsage.Pod pod : usage.pods()) {
      String podLabels = labels("namespace", pod.namespace(), "pod", pod.name());
      for (ResourceUsage.Container c : pod.containers()) {
        String labels =
            labels("container", c.name(), "namespace", pod.namespace(), "pod", pod.name());
        if (c.startTime() != null && c.startTime().getEpochSecond() > 0) {
          family(
                  families,
                  "container_start_time_seconds",
                  "gauge",
                  "Start time of the container since unix epoch in seconds")
              .add(labels, c.startTime().toEpochMilli() / 1000.0, null);
        }
        family(
                families,
                "container_cpu_usage_seconds_total",
                "counter",
                "Cumulative cpu time consumed by the container in core-seconds")
            .add(labels, c.cpuCoreSeconds(), c.time());
        family(
                families,
                "container_memory_working_set_bytes",
                "gauge",
                "Current working set of the container in bytes")
            .add(labels, c.memoryWorkingSetBytes(), c.time());
      }
      family(
              families,
              "pod_cpu_usage_seconds_total",
              "counter",
              "Cumulative cpu time consumed by the pod in core-seconds")
          .add(podLabels, pod.cpuCoreSeconds(), pod.time());
      family(
              families,
              "pod_memory_working_set_bytes",
              "gauge",
              "Current working set of the pod in bytes")
          .add(podLabels, pod.memoryWorkingSetBytes(), pod.time());
    }
    family(
            families,
            "resource_scrape_error",
            "gauge",
            "1 if there was an error while getting container metrics, 0 otherwise")
        .add("", scrapeError ? 1 : 0, null);
    StringBuilder out = new StringBuilder();
    families.forEach((name, f) -> f.write(name, out));
    return out.toString();
  }

  private static Family family(
      Map<String, Family> families, String name, String type, String help) {
    return families.computeIfAbsent(name, n -> new Family(type, help));
  }

  /** Label pairs in the order given, which callers keep sorted by name as Go does. */
  private static String labels(String... pairs) {
    StringBuilder out = new StringBuilder("{");
    for (int i = 0; i < pairs.length; i += 2) {
      if (i > 0) {
        out.append(',');
      }
      out.append(pairs[i]).append("=\"").append(escape(pairs[i + 1])).append('"');
    }
    return out.append('}').toString();
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }

  private static final class Family {
    private final String type;
    private final String help;
    private final List<String> samples = new ArrayList<>();

    Family(String type, String help) {
      this.type = type;
      this.help = help;
    }

    void add(String labels, double value, Instant time) {
      String sample =
          labels + " " + number(value) + (time == null ? "" : " " + time.toEpochMilli());
      samples.add(sample);
    }

    void write(String name, StringBuilder out) {
      out.append("# HELP ").append(name).append(" [STABLE] ").append(help).append('\n');
      out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
      samples.stream().sorted().forEach(s -> out.append(name).append(s).append('\n'));
    }
  }
}
