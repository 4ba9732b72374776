package dev.vk.provider.fargate.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vk.kubelet.types.ResourceUsage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class UsageMapperTest {
  static final Instant START = Instant.parse("2026-01-01T10:00:00Z");
  static final Instant T1 = START.plusSeconds(100);
  static final Instant T2 = T1.plusSeconds(60);

  static ContainerSeries series(String pod, String container, String task) {
    return new ContainerSeries("ns", pod, container, "prod", "fam", task, START);
  }

  static final ContainerSeries WEB_APP = series("web", "app", "t1");
  static final ContainerSeries WEB_SIDE = series("web", "side", "t1");
  static final ContainerSeries DB = series("db", "db", "t2");

  @Test
  @DisplayName("CPU units become cores integrated since start; megabytes become MiB bytes")
  void units() {
    ResourceUsage usage =
        UsageMapper.map(
            List.of(DB),
            Map.of(DB.key(), new InsightsReader.Sample(512, 100)),
            new CpuIntegrator(),
            T1);
    ResourceUsage.Container db = usage.pods().get(0).containers().get(0);
    assertThat(db.cpuCoreSeconds()).as("0.5 core for 100 s").isCloseTo(50, within(1e-9));
    assertThat(db.memoryWorkingSetBytes()).isEqualTo(100L * 1024 * 1024);
    assertThat(db.startTime()).isEqualTo(START);
    assertThat(db.time()).isEqualTo(T1);
  }

  @Test
  @DisplayName("between refreshes the counter grows by the newest rate, which metrics-server reads")
  void rateBetweenRefreshes() {
    CpuIntegrator cpu = new CpuIntegrator();
    double c1 =
        UsageMapper.map(List.of(DB), Map.of(DB.key(), new InsightsReader.Sample(1024, 1)), cpu, T1)
            .pods()
            .get(0)
            .cpuCoreSeconds();
    ResourceUsage second =
        UsageMapper.map(List.of(DB), Map.of(DB.key(), new InsightsReader.Sample(256, 1)), cpu, T2);
    double c2 = second.pods().get(0).cpuCoreSeconds();
    assertThat((c2 - c1) / 60).as("cores between T1 and T2").isCloseTo(0.25, within(1e-9));
    assertThat(second.node().cpuCoreSeconds()).isCloseTo(c2, within(1e-9));
  }

  @Test
  @DisplayName("a pod missing any container's data is left out, not reported as 0")
  void incompletePodsLeftOut() {
    ResourceUsage usage =
        UsageMapper.map(
            List.of(WEB_APP, WEB_SIDE, DB),
            Map.of(
                WEB_APP.key(), new InsightsReader.Sample(100, 10),
                DB.key(), new InsightsReader.Sample(100, 20)),
            new CpuIntegrator(),
            T1);
    assertThat(usage.pods()).extracting(ResourceUsage.Pod::name).containsExactly("db");
    assertThat(usage.node().memoryWorkingSetBytes()).isEqualTo(20L * 1024 * 1024);
  }

  @Test
  @DisplayName("the node is the sum of its pods, and unknown when no pod has data")
  void nodeIsSumOfPods() {
    ResourceUsage usage =
        UsageMapper.map(
            List.of(WEB_APP, WEB_SIDE, DB),
            Map.of(
                WEB_APP.key(), new InsightsReader.Sample(1024, 10),
                WEB_SIDE.key(), new InsightsReader.Sample(1024, 5),
                DB.key(), new InsightsReader.Sample(2048, 20)),
            new CpuIntegrator(),
            T1);
    ResourceUsage.Pod web = usage.pods().get(0);
    assertThat(web.memoryWorkingSetBytes()).isEqualTo(15L * 1024 * 1024);
    assertThat(web.cpuCoreSeconds()).isCloseTo(200, within(1e-9));
    assertThat(usage.node().cpuCoreSeconds()).isCloseTo(400, within(1e-9));
    assertThat(usage.node().memoryWorkingSetBytes()).isEqualTo(35L * 1024 * 1024);

    ResourceUsage none = UsageMapper.map(List.of(DB), Map.of(), new CpuIntegrator(), T1);
    assertThat(none.pods()).isEmpty();
    assertThat(none.node()).isNull();
  }

  @Test
  @DisplayName("the node's counter never goes back when a pod leaves")
  void nodeCounterMonotonic() {
    CpuIntegrator cpu = new CpuIntegrator();
    ResourceUsage both =
        UsageMapper.map(
            List.of(WEB_APP, DB),
            Map.of(
                WEB_APP.key(), new InsightsReader.Sample(1024, 1),
                DB.key(), new InsightsReader.Sample(1024, 1)),
            cpu,
            T1);
    ResourceUsage one =
        UsageMapper.map(List.of(DB), Map.of(DB.key(), new InsightsReader.Sample(1024, 1)), cpu, T2);
    assertThat(one.node().cpuCoreSeconds()).isGreaterThan(both.node().cpuCoreSeconds());
  }
}
