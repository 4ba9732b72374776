package dev.vk.node.pod;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.podenv.EnvironmentResolver;
import dev.vk.podenv.InMemoryObjectLookup;
import dev.vk.podenv.PodRuntime;
import dev.vk.provider.ProviderContext;
import dev.vk.provider.mock.InMemoryProvider;
import dev.vk.provider.testkit.Pods;
import dev.vk.provider.testkit.TestingClock;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The node's own writes coming back through the watch never cause a provider update. */
class NodeWritesTest {
  private static final String SIZE = "CapacityProvisioned";

  private final TestingClock clock = new TestingClock();
  private final InMemoryProvider provider =
      new InMemoryProvider(
          new ProviderContext("node", "10.0.0.2", name -> Optional.empty()), clock);
  private final InMemoryApiPods api = new InMemoryApiPods();
  private final RecordingEvents events = new RecordingEvents();
  private final NodeWrites writes = new NodeWrites();
  private final PlacedPods placed = new PlacedPods(writes);
  private final PodSyncer syncer =
      new PodSyncer(
          PodController.wiring()
              .provider(provider)
              .apiPods(api)
              .environment(new EnvironmentResolver(new InMemoryObjectLookup()))
              .runtime(pod -> new PodRuntime("node", "10.0.0.2", null, Map.of()))
              .events(events)
              .clock(clock),
          new StatusWriter(api, "10.0.0.2"),
          placed);

  @AfterEach
  void close() {
    provider.close();
  }

  /** The next version of the pod as the watch delivers it: a new object. */
  private V1Pod next(V1Pod pod) {
    V1Pod copy = Pods.copy(pod);
    api.put(copy);
    return copy;
  }

  private static V1Pod annotated(V1Pod pod, String key, String value) {
    Map<String, String> annotations =
        new HashMap<>(Optional.ofNullable(pod.getMetadata().getAnnotations()).orElse(Map.of()));
    annotations.put(key, value);
    pod.getMetadata().setAnnotations(annotations);
    return pod;
  }

  private long updates() {
    return provider.callCounts().getOrDefault("update", 0L);
  }

  private V1Pod created() throws Exception {
    V1Pod pod = Pods.pod("default", "web");
    pod.getSpec().nodeName("node");
    api.put(pod);
    syncer.handle("default/web");
    assertThat(events.reasons()).containsExactly("ProviderCreateSuccess");
    return pod;
  }

  @Test
  @DisplayName(
      "the annotation the node wrote, a status write and a new resourceVersion cause no update")
  void ownWritesAreIgnored() throws Exception {
    V1Pod created = created();
    writes.annotating(List.of(SIZE)); // as KubernetesAccess.annotate does before its patch
    V1Pod sized = annotated(next(created), SIZE, "0.25vCPU 0.5GB");
    sized.getMetadata().resourceVersion("2");
    assertThat(writes.needsSync(created, sized)).isFalse();
    V1Pod running = next(sized).status(new V1PodStatus().phase("Running"));
    running.getMetadata().resourceVersion("3");
    assertThat(writes.needsSync(sized, running)).isFalse();
    // Even a sync for another reason finds nothing to update.
    syncer.handle("default/web");
    assertThat(updates()).isZero();
    assertThat(events.reasons()).containsExactly("ProviderCreateSuccess");
  }

  @Test
  @DisplayName("a user's annotation or label change is applied with one update")
  void userChangesAreApplied() throws Exception {
    V1Pod created = created();
    writes.annotating(List.of(SIZE));
    V1Pod sized = annotated(next(created), SIZE, "0.25vCPU 0.5GB");
    V1Pod edited = annotated(next(sized), "team", "payments");
    assertThat(writes.needsSync(sized, edited)).isTrue();
    syncer.handle("default/web");
    assertThat(updates()).isEqualTo(1);
    assertThat(events.reasons()).containsExactly("ProviderCreateSuccess", "ProviderUpdateSuccess");
    V1Pod labelled = next(edited);
    labelled.getMetadata().putLabelsItem("tier", "web");
    assertThat(writes.needsSync(edited, labelled)).isTrue();
    syncer.handle("default/web");
    assertThat(updates()).isEqualTo(2);
  }

  @Test
  @DisplayName(
      "a pod adopted after a restart is not updated when the node later learns it writes a key the"
          + " pod already carries")
  void keysLearnedLaterDoNotCount() throws Exception {
    V1Pod pod = annotated(Pods.pod("default", "old"), SIZE, "1vCPU 2GB");
    pod.getSpec().nodeName("node");
    api.put(pod);
    provider.createPod(pod);
    placed.adopted(PodFacts.uid(pod));
    syncer.handle("default/old");
    writes.annotating(List.of(SIZE)); // a new pod was created and annotated meanwhile
    syncer.handle("default/old");
    assertThat(updates()).isZero();
    assertThat(events.reasons()).isEmpty();
  }

  @Test
  @DisplayName("a deletion that began and a new pod under the same name are synced")
  void deletionAndReplacementAreSynced() {
    V1Pod pod = Pods.pod("default", "web");
    V1Pod deleting = Pods.copy(pod);
    deleting.getMetadata().deletionTimestamp(java.time.OffsetDateTime.now());
    assertThat(writes.needsSync(pod, deleting)).isTrue();
    assertThat(writes.needsSync(pod, Pods.pod("default", "web"))).isTrue();
  }
}
