package dev.vk.node.pod;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.provider.ProviderContext;
import dev.vk.provider.mock.InMemoryProvider;
import dev.vk.provider.testkit.Pods;
import dev.vk.provider.testkit.TestingClock;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReconcilerTest {
  private final InMemoryProvider provider =
      new InMemoryProvider(
          new ProviderContext("node", "10.0.0.2", name -> Optional.empty()), new TestingClock());
  private final InMemoryApiPods api = new InMemoryApiPods();
  private final PlacedPods placed = new PlacedPods(new NodeWrites());
  private final List<V1Pod> statuses = new CopyOnWriteArrayList<>();
  private final List<String> queued = new CopyOnWriteArrayList<>();
  private final Reconciler reconciler =
      new Reconciler(provider, api, placed, statuses::add, queued::add);

  @AfterEach
  void close() {
    provider.close();
  }

  @Test
  @DisplayName(
      "startup: pods in both are adopted, provider pods no API pod owns are deleted, every API pod is queued")
  void startup() throws Exception {
    V1Pod both = Pods.pod("default", "both", Pods.container("c"));
    V1Pod orphan = Pods.pod("default", "orphan", Pods.container("c"));
    V1Pod apiOnly = Pods.pod("default", "api-only", Pods.container("c"));
    provider.createPod(both);
    provider.createPod(orphan);
    api.put(both);
    api.put(apiOnly);

    assertThat(reconciler.reconcile(true)).isEqualTo(1);

    assertThat(provider.getPods())
        .extracting(p -> p.getMetadata().getName())
        .containsExactly("both");
    assertThat(placed.contains(both.getMetadata().getUid())).isTrue();
    assertThat(statuses).extracting(p -> p.getMetadata().getName()).containsExactly("both");
    assertThat(queued).containsExactlyInAnyOrder("default/both", "default/api-only");
  }

  @Test
  @DisplayName("a provider pod with the API pod's name but another UID is an orphan, never adopted")
  void sameNameOtherUid() throws Exception {
    V1Pod old = Pods.pod("default", "web", Pods.container("c"));
    provider.createPod(old);
    api.put(Pods.pod("default", "web", Pods.container("c")));
    assertThat(reconciler.reconcile(true)).isEqualTo(1);
    assertThat(provider.getPods()).isEmpty();
  }

  @Test
  @DisplayName(
      "periodic: only pods that need attention are queued, such as a placed pod the provider lost")
  void periodic() throws Exception {
    V1Pod kept = Pods.pod("default", "kept", Pods.container("c"));
    V1Pod lost = Pods.pod("default", "lost", Pods.container("c"));
    V1Pod finished =
        Pods.pod("default", "finished", Pods.container("c"))
            .status(new V1PodStatus().phase("Succeeded"));
    for (V1Pod p : List.of(kept, lost, finished)) {
      api.put(p);
      placed.placed(p.getMetadata().getUid(), p);
    }
    provider.createPod(kept);
    reconciler.reconcile(false);
    assertThat(queued).containsExactly("default/lost");
  }
}
