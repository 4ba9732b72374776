package dev.vk.provider.fargate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vk.emulator.ecs.EcsEmulator;
import dev.vk.kubelet.types.ResourceUsage;
import dev.vk.kubeletapi.metrics.ResourceMetricsRenderer;
import dev.vk.provider.fargate.FargateProvider;
import dev.vk.provider.testkit.EmulatorExtension;
import dev.vk.provider.testkit.MetricsServerDecode;
import dev.vk.provider.testkit.Pods;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fargate pod metrics from the emulator's Container Insights: one GetMetricData serves every pod, a
 * sample is reused until it is older than fargate-metrics-freshness, and {@code /metrics/resource}
 * decodes the way metrics-server decodes it.
 */
@Timeout(120)
class MetricsIT {
  @RegisterExtension final EmulatorExtension<EcsEmulator> emulator = EmulatedFargate.extension();
  private static final int PODS = 6;
  private static final Duration FRESHNESS = Duration.ofSeconds(2);

  @Test
  @DisplayName("one GetMetricData per freshness for all pods; metrics-server reads every pod")
  void oneCallServesAllPodsAndParsesLikeMetricsServer() throws Exception {
    Map<String, String> settings = EmulatedFargate.settings(emulator);
    settings.put("metrics-freshness", FRESHNESS.toMillis() + "ms");
    FargateProvider provider = EmulatedFargate.provider(emulator, "vk-metrics", settings);
    List<V1Pod> pods = new ArrayList<>();
    for (int i = 0; i < PODS; i++) {
      V1Pod pod =
          i == 0
              ? Pods.pod("ns", Pods.uniqueName("m"), Pods.container("app"), Pods.container("side"))
              : Pods.pod("ns", Pods.uniqueName("m"));
      pods.add(pod);
      provider.createPod(pod);
    }
    EmulatedFargate.awaitReady(provider, PODS);

    emulator.get().calls().reset();
    ResourceUsage first = provider.usage();
    assertThat(first.pods()).hasSize(PODS);
    assertThat(emulator.get().calls().count("GetMetricData"))
        .as("one call for %d pods", PODS)
        .isEqualTo(1);
    assertThat(provider.usage()).as("served from the cache").isSameAs(first);
    assertThat(emulator.get().calls().count("GetMetricData")).isEqualTo(1);

    MetricsServerDecode.Batch before =
        MetricsServerDecode.decode(ResourceMetricsRenderer.render(first, false));
    assertThat(before.pods()).hasSize(PODS);
    assertThat(before.node()).isNotNull();
    String twoContainers = "ns/" + pods.get(0).getMetadata().getName();
    assertThat(before.pods().get(twoContainers)).containsOnlyKeys("app", "side");
    long podMemory =
        before.pods().values().stream()
            .flatMap(c -> c.values().stream())
            .mapToLong(MetricsServerDecode.Point::memoryBytes)
            .sum();
    assertThat(before.node().memoryBytes()).as("node = sum of pods").isEqualTo(podMemory);

    AtomicReference<ResourceUsage> next = new AtomicReference<>();
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              next.set(provider.usage());
              return next.get() != first;
            });
    assertThat(emulator.get().calls().count("GetMetricData")).isEqualTo(2);
    assertThat(Duration.between(first.node().time(), next.get().node().time()))
        .as("a sample is served until it is older than the freshness")
        .isGreaterThanOrEqualTo(FRESHNESS);

    MetricsServerDecode.Batch after =
        MetricsServerDecode.decode(ResourceMetricsRenderer.render(next.get(), false));
    for (var pod : before.pods().entrySet()) {
      for (var container : pod.getValue().entrySet()) {
        double cores =
            MetricsServerDecode.cores(
                container.getValue(), after.pods().get(pod.getKey()).get(container.getKey()));
        // The emulator's containers use 2-20 % (±30 %) of the task's CPU; a task has >= 0.25
        // vCPU.
        assertThat(cores).as("%s/%s", pod.getKey(), container.getKey()).isBetween(0.001, 4.0);
      }
    }
    assertThat(MetricsServerDecode.cores(before.node(), after.node())).isPositive();

    provider.deletePod(pods.get(1));
    String deleted = "ns/" + pods.get(1).getMetadata().getName();
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                provider.usage().pods().stream()
                    .noneMatch(p -> deleted.equals(p.namespace() + "/" + p.name())));
    assertThat(provider.usage().pods()).hasSize(PODS - 1);
  }
}
