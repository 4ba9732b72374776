package dev.vk.node.pod;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.node.config.ServedNamespaces;
import dev.vk.node.config.Settings;
import dev.vk.podenv.EnvironmentResolver;
import dev.vk.podenv.InMemoryObjectLookup;
import dev.vk.podenv.PodRuntime;
import dev.vk.provider.PodLifecycle;
import dev.vk.provider.ProviderContext;
import dev.vk.provider.mock.InMemoryProvider;
import dev.vk.provider.testkit.NoopPodLifecycle;
import dev.vk.provider.testkit.Pods;
import dev.vk.provider.testkit.TestingClock;
import io.kubernetes.client.openapi.models.V1ConfigMapKeySelector;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1EnvVarSource;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PodSyncerTest {
  private final TestingClock clock = new TestingClock();
  private final InMemoryProvider provider =
      new InMemoryProvider(
          new ProviderContext("node", "10.0.0.2", name -> Optional.empty()), clock);
  private final InMemoryApiPods api = new InMemoryApiPods();
  private final InMemoryObjectLookup objects = new InMemoryObjectLookup();
  private final RecordingEvents events = new RecordingEvents();
  private final PlacedPods placed = new PlacedPods(new NodeWrites());
  private final PodSyncer syncer = syncer(provider);

  private PodSyncer syncer(PodLifecycle lifecycle) {
    return new PodSyncer(
        PodController.wiring()
            .provider(lifecycle)
            .apiPods(api)
            .environment(new EnvironmentResolver(objects))
            .runtime(pod -> new PodRuntime("node", "10.0.0.2", null, Map.of()))
            .events(events)
            .clock(clock),
        new StatusWriter(api, "10.0.0.2"),
        placed);
  }

  @AfterEach
  void close() {
    provider.close();
  }

  private V1Pod apiPod(String name) {
    return apiPod(name, "Always");
  }

  private V1Pod apiPod(String name, String restartPolicy) {
    V1Pod pod = Pods.pod("default", name, Pods.container("app"));
    pod.getSpec().nodeName("node").restartPolicy(restartPolicy);
    api.put(pod);
    return pod;
  }

  /** What a user's delete (grace period 30 s) does to the pod. */
  private void startDeletion(V1Pod pod) {
    pod.getMetadata()
        .deletionTimestamp(
            OffsetDateTime.ofInstant(clock.instant().plusSeconds(30), ZoneOffset.UTC))
        .deletionGracePeriodSeconds(30L);
  }

  private long creates() {
    return provider.callCounts().getOrDefault("create", 0L);
  }

  @Test
  @DisplayName("a new pod is created at the provider once, however often it is synced")
  void createsOnce() throws Exception {
    V1Pod pod = apiPod("web");
    assertThat(syncer.handle("default/web")).isEqualTo(Outcome.DONE);
    assertThat(syncer.handle("default/web")).isEqualTo(Outcome.DONE);
    assertThat(provider.getPod("default", "web")).isPresent();
    assertThat(creates()).isEqualTo(1);
    assertThat(events.reasons()).containsExactly("ProviderCreateSuccess");
    assertThat(placed.contains(pod.getMetadata().getUid())).isTrue();
  }

  @Test
  @DisplayName(
      "in namespaced mode a pod of another namespace is Failed with NamespaceNotServed and an"
          + " event, and never reaches the provider or its references")
  void namespaceNotServed() throws Exception {
    PodSyncer namespaced =
        new PodSyncer(
            PodController.wiring()
                .provider(provider)
                .apiPods(api)
                .environment(new EnvironmentResolver(objects))
                .runtime(pod -> new PodRuntime("node", "10.0.0.2", null, Map.of()))
                .events(events)
                .clock(clock)
                .served(ServedNamespaces.from(Settings.of(Map.of("namespaces", "team-a,team-b")))),
            new StatusWriter(api, "10.0.0.2"),
            placed);
    apiPod("web");
    assertThat(namespaced.handle("default/web")).isEqualTo(Outcome.DONE);
    V1PodStatus status = api.get("default/web").getStatus();
    assertThat(status.getPhase()).isEqualTo("Failed");
    assertThat(status.getReason()).isEqualTo("NamespaceNotServed");
    assertThat(status.getHostIP()).as("the node owns the host IP").isEqualTo("10.0.0.2");
    assertThat(status.getMessage())
        .contains("namespace default is not served")
        .contains("team-a, team-b");
    assertThat(events.events).anyMatch(e -> e.startsWith("Warning NamespaceNotServed"));
    assertThat(provider.callCounts()).isEmpty();
    // Terminal now: a second sync writes nothing more.
    events.events.clear();
    assertThat(namespaced.handle("default/web")).isEqualTo(Outcome.DONE);
    assertThat(events.events).isEmpty();
    // A pod of a served namespace runs as usual.
    V1Pod served = Pods.pod("team-a", "api", Pods.container("app"));
    served.getSpec().nodeName("node").restartPolicy("Always");
    api.put(served);
    assertThat(namespaced.handle("team-a/api")).isEqualTo(Outcome.DONE);
    assertThat(provider.getPod("team-a", "api")).isPresent();
  }

  @Test
  @DisplayName(
      "a missing mandatory ConfigMap keeps the pod away from the provider, says why, and retries")
  void mandatoryConfigMapMissing() throws Exception {
    V1Pod pod = apiPod("needs-config");
    pod.getSpec()
        .getContainers()
        .get(0)
        .addEnvItem(
            new V1EnvVar()
                .name("X")
                .valueFrom(
                    new V1EnvVarSource()
                        .configMapKeyRef(new V1ConfigMapKeySelector().name("absent").key("k"))));
    Outcome outcome = syncer.handle("default/needs-config");
    assertThat(outcome).isInstanceOf(Outcome.Retry.class);
    assertThat(provider.getPod("default", "needs-config")).isEmpty();
    assertThat(events.reasons()).contains("MandatoryConfigMapNotFound");
    V1PodStatus status = api.get("default/needs-config").getStatus();
    assertThat(status.getPhase()).isEqualTo("Pending");
    assertThat(status.getContainerStatuses().get(0).getState().getWaiting().getReason())
        .isEqualTo("CreateContainerConfigError");
    assertThat(status.getContainerStatuses().get(0).getState().getWaiting().getMessage())
        .contains("configmap \"absent\" not found");
  }

  @Test
  @DisplayName(
      "a pod the provider can never run gets ProviderFailed and an event, and is not retried")
  void providerRefuses() throws Exception {
    V1Pod pod = apiPod("host-net");
    pod.getSpec().hostNetwork(true);
    assertThat(syncer.handle("default/host-net")).isEqualTo(Outcome.DONE);
    V1PodStatus status = api.get("default/host-net").getStatus();
    assertThat(status.getReason()).isEqualTo("ProviderFailed");
    assertThat(status.getMessage()).contains("spec.hostNetwork");
    assertThat(status.getPhase()).as("restartPolicy Always stays Pending").isEqualTo("Pending");
    assertThat(events.events)
        .anyMatch(
            e -> e.startsWith("Warning ProviderCreateFailed") && e.contains("spec.hostNetwork"));
  }

  @Test
  @DisplayName(
      "a provider's own reason (a conflict with a foreign cloud resource) is the pod's status"
          + " reason and the Event's, and the create is retried")
  void providerReasonIsShown() throws Exception {
    apiPod("clash");
    PodSyncer clashing =
        syncer(
            new NoopPodLifecycle() {
              @Override
              public void createPod(V1Pod pod) throws ProviderException {
                throw ProviderException.conflict("container group clash-1 belongs to node other");
              }
            });
    assertThat(clashing.handle("default/clash")).isInstanceOf(Outcome.Retry.class);
    V1PodStatus status = api.get("default/clash").getStatus();
    assertThat(status.getReason()).isEqualTo("Conflict");
    assertThat(status.getMessage()).contains("belongs to node other");
    assertThat(status.getPhase()).isEqualTo("Pending");
    assertThat(events.events).anyMatch(e -> e.startsWith("Warning Conflict: container group"));
  }

  @Test
  @DisplayName("with restartPolicy Never a pod the provider refuses is Failed")
  void providerRefusesNeverRestart() throws Exception {
    V1Pod pod = apiPod("host-net-never", "Never");
    pod.getSpec().hostNetwork(true);
    syncer.handle("default/host-net-never");
    assertThat(api.get("default/host-net-never").getStatus().getPhase()).isEqualTo("Failed");
  }

  @Test
  @DisplayName(
      "graceful deletion stops the pod at the provider, then removes the API object at once")
  void gracefulDeletion() throws Exception {
    V1Pod pod = apiPod("bye");
    syncer.handle("default/bye");
    startDeletion(pod);
    assertThat(syncer.handle("default/bye")).isEqualTo(Outcome.DONE);
    assertThat(provider.getPod("default", "bye")).isEmpty();
    assertThat(api.deleted).containsExactly("default/bye");
    assertThat(provider.callCounts().get("delete")).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "a pod this process placed is deleted at the provider with no read first: one read after,"
          + " to see it stopped")
  void placedPodDeletedWithoutReadFirst() throws Exception {
    V1Pod pod = apiPod("placed");
    syncer.handle("default/placed");
    startDeletion(pod);
    long before = reads();

    assertThat(syncer.handle("default/placed")).isEqualTo(Outcome.DONE);

    assertThat(reads()).as("provider reads while deleting").isEqualTo(before + 1);
    assertThat(provider.callCounts().get("delete")).isEqualTo(1);
    assertThat(api.deleted).containsExactly("default/placed");
    assertThat(events.reasons()).contains("ProviderDeleteSuccess");
  }

  @Test
  @DisplayName(
      "a pod this process did not place is deleted at the provider only if the provider has it")
  void notPlacedIsReadFirst() throws Exception {
    V1Pod pod = apiPod("elsewhere");
    startDeletion(pod); // deleted before this process placed it

    assertThat(syncer.handle("default/elsewhere")).isEqualTo(Outcome.DONE);

    assertThat(reads()).as("provider reads").isEqualTo(1);
    assertThat(provider.callCounts().getOrDefault("delete", 0L)).isZero();
    assertThat(api.deleted).containsExactly("default/elsewhere");
  }

  @Test
  @DisplayName("late events for a terminating pod cost no further provider delete")
  void oneDeletePerPod() throws Exception {
    V1Pod pod = apiPod("late");
    syncer.handle("default/late");
    startDeletion(pod);
    syncer.handle("default/late");
    api.put(pod); // a stale informer view of the same terminating pod
    syncer.handle("default/late");
    api.pods.remove("default/late");
    syncer.deleted(pod);
    syncer.handle("default/late");
    assertThat(provider.callCounts().get("delete")).isEqualTo(1);
    assertThat(api.deleteCalls).as("API DELETEs").containsExactly("default/late");
  }

  @Test
  @DisplayName("a sync that read the pod just before its DELETED event sends no second API DELETE")
  void deletedEventDuringSync() throws Exception {
    V1Pod pod = apiPod("racy");
    syncer.handle("default/racy");
    startDeletion(pod);
    syncer.handle("default/racy");
    api.put(pod); // the cache has not seen the DELETE yet
    api.afterGet =
        () -> {
          // The informer removes the pod and calls the handler between the read and the check.
          api.pods.remove("default/racy");
          syncer.deleted(pod);
        };
    syncer.handle("default/racy");
    api.afterGet = () -> {};
    syncer.handle("default/racy"); // the key the DELETED event queued

    assertThat(api.deleteCalls).as("API DELETEs").containsExactly("default/racy");
    assertThat(provider.getPod("default", "racy")).isEmpty();
  }

  @Test
  @DisplayName("a pod the API server already removed (force delete) is deleted at the provider")
  void forceDeleted() throws Exception {
    V1Pod pod = apiPod("forced");
    syncer.handle("default/forced");
    api.pods.remove("default/forced");
    syncer.deleted(pod);
    assertThat(syncer.handle("default/forced")).isEqualTo(Outcome.DONE);
    assertThat(provider.getPod("default", "forced")).isEmpty();
  }

  @ParameterizedTest(name = "after the startup list: {0}")
  @ValueSource(booleans = {false, true})
  @DisplayName(
      "a pod re-created under the same name replaces the provider's older one: a name the node"
          + " created under is read before the next create")
  void replacedByNewUid(boolean listed) throws Exception {
    if (listed) {
      startupList();
    }
    apiPod("same-name");
    syncer.handle("default/same-name");
    V1Pod newer = apiPod("same-name");
    syncer.handle("default/same-name");
    assertThat(provider.getPod("default", "same-name").orElseThrow().getMetadata().getUid())
        .isEqualTo(newer.getMetadata().getUid());
    assertThat(provider.callCounts().get("delete")).as("the older pod deleted").isEqualTo(1);
    assertThat(provider.getPods()).hasSize(1);
  }

  @Test
  @DisplayName(
      "a pod that vanished from the provider fails with a clear reason under restartPolicy Never")
  void vanishedNever() throws Exception {
    V1Pod pod = apiPod("lost", "Never");
    syncer.handle("default/lost");
    provider.deletePod(pod);
    assertThat(syncer.handle("default/lost")).isEqualTo(Outcome.DONE);
    V1PodStatus status = api.get("default/lost").getStatus();
    assertThat(status.getPhase()).isEqualTo("Failed");
    assertThat(status.getReason()).isEqualTo("ProviderPodMissing");
    assertThat(creates()).isEqualTo(1);
  }

  @Test
  @DisplayName("a pod that vanished from the provider is created again under restartPolicy Always")
  void vanishedAlways() throws Exception {
    V1Pod pod = apiPod("lost-always");
    syncer.handle("default/lost-always");
    provider.deletePod(pod);
    syncer.handle("default/lost-always");
    assertThat(provider.getPod("default", "lost-always")).isPresent();
    assertThat(creates()).isEqualTo(2);
    assertThat(events.reasons()).contains("ProviderPodMissing");
  }

  @Test
  @DisplayName("an image change is applied to the running pod with an update, not a second create")
  void updatesImage() throws Exception {
    V1Pod pod = apiPod("upd");
    syncer.handle("default/upd");
    pod.getSpec().getContainers().get(0).image("busybox:1.37");
    syncer.handle("default/upd");
    assertThat(provider.callCounts().get("update")).isEqualTo(1);
    assertThat(
            provider
                .getPod("default", "upd")
                .orElseThrow()
                .getSpec()
                .getContainers()
                .get(0)
                .getImage())
        .isEqualTo("busybox:1.37");
    assertThat(creates()).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "a terminating pod that still runs is checked again until its grace period ends, then removed")
  void terminatingWaitsForGracePeriod() throws Exception {
    PodLifecycle slowToStop = new IgnoresDeletes(provider);
    PodSyncer slow = syncer(slowToStop);
    V1Pod pod = apiPod("slow");
    slow.handle("default/slow");
    clock.advance(Duration.ofSeconds(5));
    startDeletion(pod);
    assertThat(slow.handle("default/slow")).isEqualTo(Outcome.again(Duration.ofSeconds(1)));
    assertThat(api.deleted).isEmpty();
    clock.advance(Duration.ofSeconds(31));
    assertThat(slow.handle("default/slow")).isEqualTo(Outcome.DONE);
    assertThat(api.deleted).containsExactly("default/slow");
  }

  private long reads() {
    return provider.callCounts().getOrDefault("getPod", 0L);
  }

  /** The startup reconcile's list of the provider, which the node runs before any sync. */
  private void startupList() throws ProviderException {
    new Reconciler(provider, api, placed, p -> {}, k -> {}).reconcile(true);
  }

  @Test
  @DisplayName(
      "after the startup list a new pod is created with no provider read first, and its deletion"
          + " frees the name for the next pod")
  void createsWithoutReadAfterStartupList() throws Exception {
    startupList();
    V1Pod pod = apiPod("fresh");
    assertThat(syncer.handle("default/fresh")).isEqualTo(Outcome.DONE);
    assertThat(reads()).as("provider reads").isZero();
    assertThat(provider.getPod("default", "fresh")).isPresent();
    startDeletion(pod);
    syncer.handle("default/fresh");
    assertThat(api.deleted).containsExactly("default/fresh");
    long afterDelete = reads();

    apiPod("fresh"); // a new pod under the same name, e.g. a StatefulSet's
    syncer.handle("default/fresh");
    assertThat(reads()).as("the provider said the name is free").isEqualTo(afterDelete);
    assertThat(creates()).isEqualTo(2);
  }

  @Test
  @DisplayName("a name the startup list showed is read before a create, even for a new pod")
  void listedNameIsReadFirst() throws Exception {
    PodLifecycle slowToStop = new IgnoresDeletes(provider);
    V1Pod old = Pods.pod("default", "kept", Pods.container("app"));
    provider.createPod(old); // left by an earlier node process; its API pod is gone
    PodSyncer slow = syncer(slowToStop);
    new Reconciler(slowToStop, api, placed, p -> {}, k -> {}).reconcile(true);
    V1Pod pod = apiPod("kept");
    long before = reads();
    slow.handle("default/kept");
    assertThat(reads()).isGreaterThan(before);
    assertThat(provider.getPod("default", "kept").orElseThrow().getMetadata().getUid())
        .isEqualTo(pod.getMetadata().getUid());
  }

  @Test
  @DisplayName(
      "after the startup list a pod that ran before this process is read first and found vanished")
  void ranBeforeIsReadFirst() throws Exception {
    V1Pod pod = apiPod("ran", "Never");
    pod.status(new V1PodStatus().phase("Running"));
    startupList();
    syncer.handle("default/ran");
    assertThat(api.get("default/ran").getStatus().getReason()).isEqualTo("ProviderPodMissing");
    assertThat(creates()).isZero();
  }

  @Test
  @DisplayName(
      "the DELETED event of a pod the node removed once the provider had it gone costs no"
          + " provider read")
  void removedByTheNodeIsNotReadAgain() throws Exception {
    startupList();
    V1Pod pod = apiPod("done");
    syncer.handle("default/done");
    startDeletion(pod);
    syncer.handle("default/done");
    assertThat(api.deleted).containsExactly("default/done");
    api.pods.remove("default/done"); // the informer's DELETED event
    syncer.deleted(pod);
    long before = reads();

    assertThat(syncer.handle("default/done")).isEqualTo(Outcome.DONE);

    assertThat(reads()).as("provider reads after the DELETED event").isEqualTo(before);
    assertThat(provider.getPods()).isEmpty();
  }

  @Test
  @DisplayName(
      "a pod still running when its grace period ended is read again after its DELETED event and"
          + " deleted at the provider")
  void removedWhileRunningIsReadAgain() throws Exception {
    PodLifecycle slowToStop = new IgnoresDeletes(provider);
    PodSyncer slow = syncer(slowToStop);
    new Reconciler(slowToStop, api, placed, p -> {}, k -> {}).reconcile(true);
    V1Pod pod = apiPod("stubborn");
    slow.handle("default/stubborn");
    startDeletion(pod);
    slow.handle("default/stubborn");
    clock.advance(java.time.Duration.ofSeconds(31));
    slow.handle("default/stubborn"); // grace period over: the API object goes, the pod still runs
    assertThat(api.deleted).containsExactly("default/stubborn");
    api.pods.remove("default/stubborn");
    slow.deleted(pod);
    long before = reads();

    slow.handle("default/stubborn");

    assertThat(reads()).as("provider reads after the DELETED event").isGreaterThan(before);
  }

  /** A provider whose pods keep running after a delete request, like a slow cloud. */
  private record IgnoresDeletes(InMemoryProvider delegate) implements PodLifecycle {
    @Override
    public void createPod(V1Pod pod) throws ProviderException {
      delegate.createPod(pod);
    }

    @Override
    public void updatePod(V1Pod pod) throws ProviderException {
      delegate.updatePod(pod);
    }

    @Override
    public void deletePod(V1Pod pod) {}

    @Override
    public Optional<V1Pod> getPod(String namespace, String name) throws ProviderException {
      return delegate.getPod(namespace, name);
    }

    @Override
    public List<V1Pod> getPods() throws ProviderException {
      return delegate.getPods();
    }
  }
}
