package dev.vk.provider.fargate.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;

class InsightsReaderTest {
  static final Instant NOW = Instant.parse("2026-01-01T10:05:30Z");

  /** Answers every query with two datapoints (newest last, to check the order is not trusted). */
  static final class FakeCloudWatch implements CloudWatchClient {
    final List<GetMetricDataRequest> requests = new ArrayList<>();

    @Override
    public GetMetricDataResponse getMetricData(GetMetricDataRequest request) {
      requests.add(request);
      List<MetricDataResult> results = new ArrayList<>();
      for (MetricDataQuery q : request.metricDataQueries()) {
        String task = q.metricStat().metric().dimensions().get(2).value();
        if (task.equals("silent")) {
          results.add(MetricDataResult.builder().id(q.id()).build());
          continue;
        }
        results.add(
            MetricDataResult.builder()
                .id(q.id())
                .timestamps(NOW.minusSeconds(150), NOW.minusSeconds(90))
                .values(
                    1.0,
                    q.metricStat().metric().metricName().equals("ContainerCpuUtilized")
                        ? 64.0
                        : 32.0)
                .build());
      }
      return GetMetricDataResponse.builder().metricDataResults(results).build();
    }

    @Override
    public String serviceName() {
      return "cloudwatch";
    }

    @Override
    public void close() {}
  }

  static List<ContainerSeries> containers(int n) {
    List<ContainerSeries> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new ContainerSeries("ns", "p" + i, "app", "prod", "fam", "t" + i, NOW));
    }
    return out;
  }

  @Test
  @DisplayName("300 containers cost two calls of at most 500 queries, with all four dimensions")
  void batches() throws Exception {
    FakeCloudWatch cw = new FakeCloudWatch();
    Map<String, InsightsReader.Sample> samples = new InsightsReader(cw).read(containers(300), NOW);
    assertThat(cw.requests).hasSize(2);
    assertThat(cw.requests.get(0).metricDataQueries()).hasSize(500);
    assertThat(cw.requests.get(1).metricDataQueries()).hasSize(100);
    assertThat(cw.requests.get(0).metricDataQueries().get(0).metricStat().metric().dimensions())
        .extracting(d -> d.name())
        .containsExactly("ClusterName", "TaskDefinitionFamily", "TaskId", "ContainerName");
    assertThat(cw.requests.get(0).metricDataQueries().get(0).metricStat().metric().namespace())
        .isEqualTo("ECS/ContainerInsights");
    assertThat(cw.requests.get(0).metricDataQueries())
        .extracting(q -> q.metricStat().metric().metricName())
        .containsOnly("ContainerCpuUtilized", "ContainerMemoryUtilized");
    assertThat(samples).hasSize(300);
    assertThat(samples.get("t299/app")).isEqualTo(new InsightsReader.Sample(64, 32));
  }

  @Test
  @DisplayName("a container without datapoints is absent")
  void noData() throws Exception {
    List<ContainerSeries> series = new ArrayList<>(containers(1));
    series.add(new ContainerSeries("ns", "quiet", "app", "prod", "fam", "silent", NOW));
    Map<String, InsightsReader.Sample> samples =
        new InsightsReader(new FakeCloudWatch()).read(series, NOW);
    assertThat(samples).containsOnlyKeys("t0/app");
  }
}
