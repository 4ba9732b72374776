package dev.vk.emulator.aci.monitor;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vk.emulator.aci.arm.Json;
import dev.vk.emulator.aci.lifecycle.Attempt;
import dev.vk.emulator.aci.lifecycle.LifecycleSettings;
import dev.vk.emulator.aci.model.ContainerGroup;
import dev.vk.emulator.aci.model.ContainerSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one resource's entry of a batch answer in Azure Monitor's shape: per metric, a series per
 * container (or one summed series without a filter), with a point per bucket from the start up to
 * now. A bucket's value averages the minutes in which the container ran; without any, the point has
 * only its time stamp.
 */
final class SeriesWriter {

  private static final Duration MINUTE = Duration.ofMinutes(1);

  private final MetricsQuery query;
  private final LifecycleSettings lifecycle;
  private final Instant now;

  SeriesWriter(MetricsQuery query, LifecycleSettings lifecycle, Instant now) {
    this.query = query;
    this.lifecycle = lifecycle;
    this.now = now;
  }

  /** The entry for {@code id}; a group that does not exist has metrics without series. */
  ObjectNode resource(String id, ContainerGroup group) {
    ObjectNode entry = Json.MAPPER.createObjectNode();
    entry.put("starttime", query.start().toString());
    entry.put("endtime", query.end().toString());
    entry.put("interval", query.interval().toString());
    entry.put("namespace", MetricsQuery.NAMESPACE);
    entry.put("resourceregion", group == null ? "" : group.location());
    entry.put("resourceid", group == null ? id : group.id());
    ArrayNode metrics = entry.putArray("value");
    for (String metric : query.metrics()) {
      ObjectNode m = metrics.addObject();
      m.put(
          "id",
          (group == null ? id : group.id()) + "/providers/Microsoft.Insights/metrics/" + metric);
      m.put("type", "Microsoft.Insights/metrics");
      m.putObject("name")
          .put("value", metric)
          .put("localizedValue", metric.equals("CpuUsage") ? "CPU Usage" : "Memory Usage");
      m.put(
          "displayDescription",
          metric.equals("CpuUsage")
              ? "CPU usage on all cores in millicores."
              : "Total memory usage in byte.");
      m.put("unit", metric.equals("CpuUsage") ? "Count" : "Bytes");
      ArrayNode series = m.putArray("timeseries");
      if (group != null) {
        series(series, group, metric);
      }
      m.put("errorCode", "Success");
    }
    return entry;
  }

  private void series(ArrayNode out, ContainerGroup group, String metric) {
    List<ContainerSpec> containers = new ArrayList<>();
    for (ContainerSpec c : group.spec().containers()) {
      if (query.container() == null
          || query.container().equals("*")
          || query.container().equalsIgnoreCase(c.name())) {
        containers.add(c);
      }
    }
    if (query.container() == null) {
      ObjectNode s = out.addObject();
      s.putArray("metadatavalues");
      points(s.putArray("data"), group, containers, metric);
      return;
    }
    for (ContainerSpec c : containers) {
      ObjectNode s = out.addObject();
      ObjectNode dimension = s.putArray("metadatavalues").addObject();
      dimension
          .putObject("name")
          .put("value", "containername")
          .put("localizedValue", "containername");
      dimension.put("value", c.name());
      points(s.putArray("data"), group, List.of(c), metric);
    }
  }

  private void points(
      ArrayNode data, ContainerGroup group, List<ContainerSpec> containers, String metric) {
    List<List<Attempt>> runs = new ArrayList<>();
    containers.forEach(c -> runs.add(group.timeline(c, now, lifecycle).attempts()));
    for (Instant bucket = query.start();
        bucket.isBefore(query.end()) && !bucket.isAfter(now);
        bucket = bucket.plus(query.interval())) {
      List<Double> minutes = new ArrayList<>();
      for (Instant m = bucket;
          m.isBefore(bucket.plus(query.interval())) && !m.isAfter(now);
          m = m.plus(MINUTE)) {
        double sum = 0;
        boolean any = false;
        for (int i = 0; i < containers.size(); i++) {
          if (ranDuring(runs.get(i), m, m.plus(MINUTE))) {
            long minute = m.getEpochSecond() / 60;
            sum +=
                metric.equals("CpuUsage")
                    ? UsageModel.cpuMillicores(group.id(), containers.get(i), minute)
                    : UsageModel.memoryBytes(group.id(), containers.get(i), minute);
            any = true;
          }
        }
        if (any) {
          minutes.add(sum);
        }
      }
      ObjectNode point = data.addObject().put("timeStamp", bucket.toString());
      if (!minutes.isEmpty()) {
        for (String aggregation : query.aggregations()) {
          double value =
              switch (aggregation) {
                case "minimum" -> minutes.stream().mapToDouble(Double::doubleValue).min().orElse(0);
                case "maximum" -> minutes.stream().mapToDouble(Double::doubleValue).max().orElse(0);
                default -> minutes.stream().mapToDouble(Double::doubleValue).average().orElse(0);
              };
          point.put(aggregation, value);
        }
      }
    }
  }

  private static boolean ranDuring(List<Attempt> attempts, Instant from, Instant to) {
    for (Attempt a : attempts) {
      if (a.start().isBefore(to) && (a.end() == null || a.end().isAfter(from))) {
        return true;
      }
    }
    return false;
  }
}
