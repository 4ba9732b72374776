package dev.vk.provider.aci.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vk.kubelet.types.ResourceUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class UsageLedgerTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration MINUTE = Duration.ofMinutes(1);

  private final UsageLedger ledger = new UsageLedger(MINUTE);

  private static Instant minute(int n) {
    return T0.plus(MINUTE.multipliedBy(n));
  }

  private static MetricsTarget target(String group, Instant... starts) {
    List<MetricsTarget.RunningContainer> running = new ArrayList<>();
    for (int i = 0; i < starts.length; i++) {
      running.add(new MetricsTarget.RunningContainer("c" + i, starts[i]));
    }
    return new MetricsTarget(group, "default", "pod-" + group, running);
  }

  private static List<MetricSample> minutes(
      String group, String container, int from, int to, double cpu, double memory) {
    List<MetricSample> samples = new ArrayList<>();
    for (int m = from; m < to; m++) {
      samples.add(new MetricSample(group, MetricSample.CPU, container, minute(m), cpu));
      samples.add(new MetricSample(group, MetricSample.MEMORY, container, minute(m), memory));
    }
    return samples;
  }

  @Test
  @DisplayName(
      "CPU is the integral of the per-minute millicores over complete minutes, from the run's"
          + " start; memory the latest average; the time the end of the latest complete minute")
  void integratesCompleteMinutes() {
    // The run started 30 s into minute 0; minute 3 is still running at the window's end.
    MetricsTarget web = target("WEB", minute(0).plusSeconds(30));
    ledger.record(
        minutes("web", "c0", 0, 4, 500, 64e6), List.of(web), T0, minute(3).plusSeconds(20));

    ResourceUsage usage = ledger.usage(List.of(web));
    ResourceUsage.Container c = usage.pods().get(0).containers().get(0);
    // 0.5 core for 30 s + 60 s + 60 s
    assertThat(c.cpuCoreSeconds()).isCloseTo(0.5 * 150, within(1e-9));
    assertThat(c.time()).isEqualTo(minute(3));
    assertThat(c.startTime()).isEqualTo(minute(0).plusSeconds(30));
    assertThat(c.memoryWorkingSetBytes()).isEqualTo(64_000_000L);
    assertThat(usage.node().cpuCoreSeconds()).isCloseTo(75, within(1e-9));
    assertThat(usage.node().memoryWorkingSetBytes()).isEqualTo(64_000_000L);
  }

  @Test
  @DisplayName(
      "re-read minutes are replaced, not added twice; the counter keeps growing across windows")
  void overlappingWindowsCountOnce() {
    MetricsTarget web = target("web", T0);
    ledger.record(minutes("web", "c0", 0, 3, 1000, 1e8), List.of(web), T0, minute(3));
    ledger.record(minutes("web", "c0", 1, 5, 1000, 1e8), List.of(web), minute(1), minute(5));
    ResourceUsage.Container c = ledger.usage(List.of(web)).pods().get(0).containers().get(0);
    assertThat(c.cpuCoreSeconds()).isCloseTo(300, within(1e-9));
    assertThat(c.time()).isEqualTo(minute(5));
  }

  @Test
  @DisplayName(
      "a pod with a container that has no data yet is left out, not reported as 0; with no pod"
          + " reported the node is unknown")
  void podsWithoutDataAreLeftOut() {
    MetricsTarget two = target("two", T0, T0);
    ledger.record(minutes("two", "c0", 0, 2, 100, 1e8), List.of(two), T0, minute(2));
    ResourceUsage usage = ledger.usage(List.of(two));
    assertThat(usage.pods()).isEmpty();
    assertThat(usage.node()).isNull();
  }

  @Test
  @DisplayName(
      "a restarted container starts a new counter; the node's counter keeps what the old run used")
  void restartsStartNewCounters() {
    MetricsTarget first = target("web", T0);
    ledger.record(minutes("web", "c0", 0, 2, 1000, 1e8), List.of(first), T0, minute(2));
    MetricsTarget second = target("web", minute(3));
    ledger.record(minutes("web", "c0", 0, 5, 1000, 1e8), List.of(second), T0, minute(5));
    ResourceUsage usage = ledger.usage(List.of(second));
    assertThat(usage.pods().get(0).containers().get(0).cpuCoreSeconds())
        .as("minutes 3 and 4 of the new run")
        .isCloseTo(120, within(1e-9));
    assertThat(usage.node().cpuCoreSeconds()).isCloseTo(240, within(1e-9));
  }

  @Test
  @DisplayName("samples of containers that are not running now are ignored")
  void stoppedContainersAreIgnored() {
    MetricsTarget web = target("web", T0);
    List<MetricSample> samples = new ArrayList<>(minutes("web", "c0", 0, 2, 100, 1e8));
    samples.addAll(minutes("web", "sidecar", 0, 2, 100, 1e8));
    samples.addAll(minutes("gone", "c0", 0, 2, 100, 1e8));
    ledger.record(samples, List.of(web), T0, minute(2));
    ResourceUsage usage = ledger.usage(List.of(web));
    assertThat(usage.pods()).hasSize(1);
    assertThat(usage.pods().get(0).containers())
        .extracting(ResourceUsage.Container::name)
        .containsExactly("c0");
    assertThat(usage.node().cpuCoreSeconds()).isCloseTo(12, within(1e-9));
  }
}
