package dev.vk.provider.aci.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.kubelet.types.ResourceUsage;
import dev.vk.provider.testkit.TestingClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AciMetricsTest {

  private static final String RG = "/subscriptions/s/resourceGroups/rg";
  private static final Instant START = Instant.parse("2026-01-01T00:00:30Z");

  private final TestingClock clock = new TestingClock(Instant.parse("2026-01-01T00:10:00Z"));
  private final List<List<String>> calls = new ArrayList<>();
  private final AtomicReference<ProviderException> failure = new AtomicReference<>();

  /** Answers every id with 250 millicores and 50 MB for each minute asked. */
  private final BatchQuery fake =
      (ids, start, end) -> {
        calls.add(ids);
        if (failure.get() != null) {
          throw failure.get();
        }
        List<MetricSample> samples = new ArrayList<>();
        for (String id : ids) {
          String group = id.substring(id.lastIndexOf('/') + 1);
          for (Instant m = start; m.isBefore(end); m = m.plus(Duration.ofMinutes(1))) {
            samples.add(new MetricSample(group, MetricSample.CPU, "app", m, 250));
            samples.add(new MetricSample(group, MetricSample.MEMORY, "app", m, 5e7));
          }
        }
        return samples;
      };

  private static List<MetricsTarget> pods(int n) {
    List<MetricsTarget> targets = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      targets.add(
          new MetricsTarget(
              "g" + i,
              "default",
              "p" + i,
              List.of(new MetricsTarget.RunningContainer("app", START))));
    }
    return targets;
  }

  @Test
  @DisplayName(
      "a refresh costs one call per 50 groups; scrapes within the freshness cost nothing; the next"
          + " refresh asks only from a little before the last one")
  void batchesAndCaches() throws Exception {
    AciMetrics metrics = new AciMetrics(fake, () -> pods(120), RG, Duration.ofSeconds(60), clock);

    ResourceUsage usage = metrics.usage();
    assertThat(calls).extracting(List::size).containsExactly(50, 50, 20);
    assertThat(calls.get(0).get(0))
        .isEqualTo(RG + "/providers/Microsoft.ContainerInstance/containerGroups/g0");
    assertThat(usage.pods()).hasSize(120);
    ResourceUsage.Container c = usage.pods().get(0).containers().get(0);
    assertThat(c.time()).isEqualTo(Instant.parse("2026-01-01T00:10:00Z"));
    assertThat(c.cpuCoreSeconds())
        .isCloseTo(0.25 * (30 + 9 * 60), org.assertj.core.data.Offset.offset(1e-9));

    for (int i = 0; i < 4; i++) {
      clock.advance(Duration.ofSeconds(14));
      assertThat(metrics.usage()).isSameAs(usage);
    }
    assertThat(calls).hasSize(3);

    clock.advance(Duration.ofSeconds(5));
    ResourceUsage later = metrics.usage();
    assertThat(calls).hasSize(6);
    assertThat(later.pods().get(0).containers().get(0).time())
        .isEqualTo(Instant.parse("2026-01-01T00:11:00Z"));
    assertThat(later.pods().get(0).containers().get(0).cpuCoreSeconds())
        .isGreaterThan(c.cpuCoreSeconds());
  }

  @Test
  @DisplayName(
      "a failed refresh serves the last answer and waits for Retry-After; with no answer yet it is"
          + " the scrape's error")
  void failures() throws Exception {
    AciMetrics metrics = new AciMetrics(fake, () -> pods(3), RG, Duration.ofSeconds(60), clock);
    failure.set(
        new ProviderException(
            ProviderException.Kind.THROTTLED, "429", Duration.ofMinutes(5), null));
    assertThatThrownBy(metrics::usage).isSameAs(failure.get());

    failure.set(null);
    clock.advance(Duration.ofMinutes(5));
    ResourceUsage good = metrics.usage();
    assertThat(good.pods()).hasSize(3);

    failure.set(
        new ProviderException(
            ProviderException.Kind.THROTTLED, "429", Duration.ofMinutes(3), null));
    clock.advance(Duration.ofSeconds(61));
    assertThat(metrics.usage()).isSameAs(good);
    int callsAfterFailure = calls.size();
    clock.advance(Duration.ofMinutes(2));
    assertThat(metrics.usage()).isSameAs(good);
    assertThat(calls).as("no call before Retry-After").hasSize(callsAfterFailure);
  }

  @Test
  @DisplayName("no running pod, no call")
  void nothingRunning() throws Exception {
    AciMetrics metrics =
        new AciMetrics(
            fake,
            () -> List.of(new MetricsTarget("g", "default", "p", List.of())),
            RG,
            Duration.ofSeconds(60),
            clock);
    assertThat(metrics.usage().pods()).isEmpty();
    assertThat(calls).isEmpty();
  }
}
