package dev.vk.provider.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vk.kubelet.types.ResourceUsage;
import dev.vk.provider.testkit.Pods;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code kubectl top}: synthetic but deterministic usage. */
class MetricsTest extends MockProviderFixture {

  private static final long MIB = 1024 * 1024;

  @Test
  @DisplayName("running containers use CPU in proportion to their run time and a stable memory")
  void running() throws Exception {
    provider.createPod(Pods.pod("ns", "web", Pods.container("a"), Pods.container("b")));
    start(
        Pods.pod("ns", "api"),
        Duration.ofSeconds(11)); // both containers of web started at 00:00:01
    ResourceUsage first = provider.usage();
    clock.advance(Duration.ofSeconds(10));

    ResourceUsage later = provider.usage();

    assertThat(first.pods()).hasSize(2); // both pods have started by now
    ResourceUsage.Pod web = pod(later, "web");
    ResourceUsage.Container a = web.containers().get(0);
    assertThat(a.startTime()).isEqualTo(Instant.parse("2026-01-01T00:00:01Z"));
    assertThat(a.time()).isEqualTo(clock.instant());
    assertThat(a.cpuCoreSeconds()).isCloseTo(0.001 + 0.01 * 20, within(1e-9));
    assertThat(a.memoryWorkingSetBytes()).isBetween(20 * MIB, 36 * MIB);
    assertThat(a.memoryWorkingSetBytes())
        .isEqualTo(pod(first, "web").containers().get(0).memoryWorkingSetBytes());
    assertThat(web.memoryWorkingSetBytes())
        .isEqualTo(a.memoryWorkingSetBytes() + web.containers().get(1).memoryWorkingSetBytes());
    assertThat(later.node().cpuCoreSeconds()).isGreaterThan(first.node().cpuCoreSeconds());
    assertThat(later.node().memoryWorkingSetBytes())
        .isEqualTo(
            32 * MIB
                + later.pods().stream().mapToLong(ResourceUsage.Pod::memoryWorkingSetBytes).sum());
  }

  @Test
  @DisplayName("the same pods at the same instant give the same numbers, also in a new provider")
  void deterministic() throws Exception {
    V1Pod pod = Pods.pod("ns", "web");
    InMemoryProvider other = new InMemoryProvider(Contexts.context("start-delay", "1s"), clock);
    provider.createPod(pod);
    other.createPod(pod);
    clock.advance(Duration.ofSeconds(30));

    assertThat(provider.usage()).isEqualTo(other.usage());
    other.close();
  }

  @Test
  @DisplayName("pods that are pending or whose containers all exited are not reported")
  void onlyRunning() throws Exception {
    V1Pod done = Pods.pod("ns", "done");
    done.getSpec().setRestartPolicy("Never");
    done.getMetadata().putAnnotationsItem("mock.vk.dev/exit-after", "1s");
    provider.createPod(done);
    start(Pods.pod("ns", "late"), Duration.ofSeconds(5));
    provider.createPod(Pods.pod("ns", "pending"));

    ResourceUsage usage = provider.usage();

    assertThat(usage.pods()).extracting(ResourceUsage.Pod::name).containsExactly("late");
    assertThat(usage.node().memoryWorkingSetBytes()).isGreaterThan(32 * MIB);
  }

  private static ResourceUsage.Pod pod(ResourceUsage usage, String name) {
    return usage.pods().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
  }
}
