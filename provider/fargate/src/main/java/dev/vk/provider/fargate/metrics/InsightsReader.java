package dev.vk.provider.fargate.metrics;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.fargate.ecs.EcsErrors;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

/**
 * Reads the newest {@code ContainerCpuUtilized} (CPU units, 1024 per vCPU) and {@code
 * ContainerMemoryUtilized} (megabytes) of many containers with as few GetMetricData calls as
 * CloudWatch allows: two queries per container, at most {@value #MAX_QUERIES} queries per call, so
 * 250 containers per call. Looks back {@link #LOOKBACK} at one-minute periods, the resolution
 * Container Insights publishes.
 */
final class InsightsReader {
  static final int MAX_QUERIES = 500;
  static final String NAMESPACE = "ECS/ContainerInsights";
  static final Duration LOOKBACK = Duration.ofMinutes(5);
  private static final int PERIOD_SECONDS = 60;
  private final CloudWatchClient cloudWatch;

  InsightsReader(CloudWatchClient cloudWatch) {
    this.cloudWatch = cloudWatch;
  }

  /**
   * @param cpuUnits average CPU units used in the newest period
   * @param memoryMegabytes average memory used in the newest period, in MiB
   */
  record Sample(double cpuUnits, double memoryMegabytes) {}

  /**
   * The newest values of each container, by {@link ContainerSeries#key()}. A container missing
   * either metric in the lookback window is absent. Blocks; one call per 250 containers (and per
   * page CloudWatch splits an answer into).
   */
  Map<String, Sample> read(List<ContainerSeries> series, Instant now) throws ProviderException {
    Instant end = now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
    Instant start = end.minus(LOOKBACK).minus(Duration.ofMinutes(1));
    Map<String, Sample> out = new HashMap<>();
    int perCall = MAX_QUERIES / 2;
    for (int from = 0; from < series.size(); from += perCall) {
      List<ContainerSeries> batch = series.subList(from, Math.min(series.size(), from + perCall));
      Map<String, Double> newest = newest(queries(batch), start, end);
      for (int i = 0; i < batch.size(); i++) {
        Double cpu = newest.get("c" + i);
        Double memory = newest.get("m" + i);
        if (cpu != null && memory != null) {
          out.put(batch.get(i).key(), new Sample(cpu, memory));
        }
      }
    }
    return out;
  }

  private Map<String, Double> newest(List<MetricDataQuery> queries, Instant start, Instant end)
      throws ProviderException {
    Map<String, Instant> when = new HashMap<>();
    Map<String, Double> value = new HashMap<>();
    String token = null;
    try {
      do {
        String page = token;
        GetMetricDataResponse response =
            cloudWatch.getMetricData(
                r ->
                    r.metricDataQueries(queries)
                        .startTime(start)
                        .endTime(end)
                        .scanBy(ScanBy.TIMESTAMP_DESCENDING)
                        .nextToken(page));
        for (MetricDataResult result : response.metricDataResults()) {
          for (int i = 0; i < result.timestamps().size() && i < result.values().size(); i++) {
            Instant t = result.timestamps().get(i);
            Instant seen = when.get(result.id());
            if (seen == null || t.isAfter(seen)) {
              when.put(result.id(), t);
              value.put(result.id(), result.values().get(i));
            }
          }
        }
        token = response.nextToken();
      } while (token != null && !token.isEmpty());
    } catch (SdkException e) {
      throw EcsErrors.classify("CloudWatch GetMetricData", e);
    }
    return value;
  }

  private static List<MetricDataQuery> queries(List<ContainerSeries> batch) {
    List<MetricDataQuery> out = new ArrayList<>(batch.size() * 2);
    for (int i = 0; i < batch.size(); i++) {
      out.add(query("c" + i, "ContainerCpuUtilized", batch.get(i)));
      out.add(query("m" + i, "ContainerMemoryUtilized", batch.get(i)));
    }
    return out;
  }

  private static MetricDataQuery query(String id, String metric, ContainerSeries s) {
    return MetricDataQuery.builder()
        .id(id)
        .returnData(true)
        .metricStat(
            stat ->
                stat.metric(
                        m ->
                            m.namespace(NAMESPACE)
                                .metricName(metric)
                                .dimensions(
                                    dimension("ClusterName", s.cluster()),
                                    dimension("TaskDefinitionFamily", s.family()),
                                    dimension("TaskId", s.taskId()),
                                    dimension("ContainerName", s.container())))
                    .period(PERIOD_SECONDS)
                    .stat("Average"))
        .build();
  }

  private static Dimension dimension(String name, String value) {
    return Dimension.builder().name(name).value(value).build();
  }
}
