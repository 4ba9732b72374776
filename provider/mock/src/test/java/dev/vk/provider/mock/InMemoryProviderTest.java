package dev.vk.provider.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.testkit.Pods;
import dev.vk.provider.testkit.TestingClock;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Bookkeeping the contract leaves open: addresses, ids, UIDs and counters. */
class InMemoryProviderTest {

  private final TestingClock clock = new TestingClock();
  private final InMemoryProvider provider =
      new InMemoryProvider(Contexts.context("start-delay", "1s"), clock);

  @Test
  @DisplayName("each pod gets its own 10.244 address; the hostIP is left to the node")
  void addresses() throws Exception {
    provider.createPod(Pods.pod("ns", "a"));
    provider.createPod(Pods.pod("ns", "b"));
    clock.advance(Duration.ofSeconds(1));

    V1Pod a = provider.getPod("ns", "a").orElseThrow();
    V1Pod b = provider.getPod("ns", "b").orElseThrow();
    assertThat(a.getStatus().getPodIP()).isEqualTo("10.244.0.1");
    assertThat(b.getStatus().getPodIP()).isEqualTo("10.244.0.2");
    assertThat(a.getStatus().getHostIP()).isNull();
  }

  @Test
  @DisplayName("containers are identified as mock://<uid>/<name> with a digest-pinned imageID")
  void containerIds() throws Exception {
    V1Pod pod = Pods.pod("ns", "web");
    provider.createPod(pod);
    clock.advance(Duration.ofSeconds(1));

    V1ContainerStatus status =
        provider.getPod("ns", "web").orElseThrow().getStatus().getContainerStatuses().get(0);
    assertThat(status.getContainerID()).isEqualTo("mock://" + pod.getMetadata().getUid() + "/app");
    assertThat(status.getImageID()).startsWith(Pods.DEFAULT_IMAGE + "@sha256:");
  }

  @Test
  @DisplayName("deleting with a stale UID leaves the pod that now has the name")
  void staleDeleteIgnored() throws Exception {
    V1Pod old = Pods.pod("ns", "web");
    V1Pod current = Pods.copy(old);
    current.getMetadata().setUid(UUID.randomUUID().toString());
    provider.createPod(old);
    provider.createPod(current);

    provider.deletePod(old);

    assertThat(provider.getPod("ns", "web").orElseThrow().getMetadata().getUid())
        .isEqualTo(current.getMetadata().getUid());
  }

  @Test
  @DisplayName("updating a pod the mock does not have fails with NOT_FOUND")
  void updateOfMissingPod() {
    assertThatThrownBy(() -> provider.updatePod(Pods.pod("ns", "ghost")))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.NOT_FOUND));
  }

  @Test
  @DisplayName("every call is counted per operation, idempotent repeats included")
  void callCounts() throws Exception {
    V1Pod pod = Pods.pod("ns", "web");
    provider.createPod(pod);
    provider.createPod(pod);
    provider.updatePod(pod);
    provider.getPod("ns", "web");
    provider.getPods();
    provider.deletePod(pod);
    provider.deletePod(pod);

    assertThat(provider.callCounts())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("create", 2L, "update", 1L, "getPod", 1L, "getPods", 1L, "delete", 2L));
  }
}
