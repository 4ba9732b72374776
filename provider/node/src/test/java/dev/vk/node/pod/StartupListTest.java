package dev.vk.node.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.testkit.NoopPodLifecycle;
import dev.vk.provider.testkit.Pods;
import io.kubernetes.client.openapi.models.V1Pod;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StartupListTest {

  /** Lists {@code pods} and remembers which threads asked. */
  private static final class Listing extends NoopPodLifecycle {
    final List<String> callers = new CopyOnWriteArrayList<>();

    Listing(List<V1Pod> pods) {
      super(pods);
    }

    @Override
    public List<V1Pod> getPods() throws ProviderException {
      callers.add(Thread.currentThread().getName());
      return super.getPods();
    }
  }

  @Test
  @DisplayName("the provider is listed once, on a thread of its own, and the list is handed over")
  void listsOnceOnItsOwnThread() throws Exception {
    V1Pod running = Pods.pod("default", "web", Pods.container("c"));
    Listing provider = new Listing(List.of(running));

    StartupList list = StartupList.begin(provider);

    assertThat(list.await()).containsExactly(running);
    assertThat(list.await()).containsExactly(running);
    assertThat(provider.callers).containsExactly("provider-startup-list");
  }

  @Test
  @DisplayName(
      "API changes after the list are reconciled as after a later list: a new pod is queued, a"
          + " deleted pod's provider copy is an orphan")
  void apiChangesAfterTheList() throws Exception {
    V1Pod deletedSince = Pods.pod("default", "old", Pods.container("c"));
    V1Pod kept = Pods.pod("default", "kept", Pods.container("c"));
    List<V1Pod> atProvider = new ArrayList<>(List.of(deletedSince, kept));
    List<String> deleted = new CopyOnWriteArrayList<>();
    NoopPodLifecycle provider =
        new NoopPodLifecycle(atProvider) {
          @Override
          public void deletePod(V1Pod pod) {
            deleted.add(pod.getMetadata().getName());
          }
        };
    StartupList list = StartupList.begin(provider);
    List<V1Pod> listed = list.await();
    InMemoryApiPods api = new InMemoryApiPods(); // the caches fill after the list was taken
    V1Pod createdSince = Pods.pod("default", "new", Pods.container("c"));
    api.put(kept);
    api.put(createdSince);
    List<String> queued = new CopyOnWriteArrayList<>();
    PlacedPods placed = new PlacedPods(new NodeWrites());

    int orphans =
        new Reconciler(provider, api, placed, p -> {}, queued::add).reconcile(listed, true);

    assertThat(orphans).isEqualTo(1);
    assertThat(deleted).containsExactly("old");
    assertThat(queued).containsExactlyInAnyOrder("default/kept", "default/new");
    assertThat(placed.contains(kept.getMetadata().getUid())).isTrue();
    assertThat(placed.keys().mayHold("default/new")).isFalse();
  }

  @Test
  @DisplayName("a failed list fails the node's start with the provider's own error")
  void failedListIsTheProvidersError() {
    ProviderException refused =
        new ProviderException(ProviderException.Kind.NOT_PERMITTED, "credentials refused");
    StartupList list =
        StartupList.begin(
            new NoopPodLifecycle() {
              @Override
              public List<V1Pod> getPods() throws ProviderException {
                throw refused;
              }
            });

    assertThatThrownBy(list::await).isSameAs(refused);
  }
}
