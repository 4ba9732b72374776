package dev.vk.node.pod;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.provider.testkit.Pods;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PodStatusSyncTest {
  private final InMemoryApiPods api = new InMemoryApiPods();
  private final List<String> requeued = new ArrayList<>();
  private final StatusWriter statusWriter = new StatusWriter(api, "10.0.0.2");
  private final PodStatusSync sync = new PodStatusSync(api, statusWriter, requeued::add);

  @Test
  @DisplayName("a handled status is written and not held on to")
  void handledStatusIsWrittenAndLetGo() throws Exception {
    V1Pod pod = Pods.pod("default", "web", Pods.container("app"));
    api.put(pod);
    String key = sync.offer(providerPod(pod, "Running")).orElseThrow();
    sync.handle(key);
    assertThat(api.get(key).getStatus().getPhase()).isEqualTo("Running");
    assertThat(sync.held()).isZero();
  }

  @Test
  @DisplayName("a status for a pod the cache does not have yet waits for it")
  void statusWaitsForTheCache() throws Exception {
    V1Pod pod = Pods.pod("default", "web", Pods.container("app"));
    String key = sync.offer(providerPod(pod, "Running")).orElseThrow();
    sync.handle(key);
    assertThat(sync.held()).isOne();
    api.put(pod);
    sync.handle(key);
    assertThat(api.get(key).getStatus().getPhase()).isEqualTo("Running");
    assertThat(sync.held()).isZero();
  }

  @Test
  @DisplayName("the status of another pod with the same name is not written")
  void otherUidIsNotWritten() throws Exception {
    V1Pod pod = Pods.pod("default", "web", Pods.container("app"));
    api.put(pod);
    V1Pod older = providerPod(pod, "Failed");
    older.getMetadata().uid("an-older-uid");
    sync.handle(sync.offer(older).orElseThrow());
    assertThat(api.get("default/web").getStatus()).isNull();
  }

  @Test
  @DisplayName("the provider's own status object is never changed")
  void providerObjectIsNotTouched() throws Exception {
    V1Pod pod = Pods.pod("default", "web", Pods.container("app"));
    api.put(pod);
    V1Pod fromProvider = providerPod(pod, "Running");
    sync.handle(sync.offer(fromProvider).orElseThrow());
    assertThat(fromProvider.getStatus().getHostIP()).isNull();
  }

  private static V1Pod providerPod(V1Pod pod, String phase) {
    return new V1Pod()
        .metadata(
            new io.kubernetes.client.openapi.models.V1ObjectMeta()
                .namespace(pod.getMetadata().getNamespace())
                .name(pod.getMetadata().getName())
                .uid(pod.getMetadata().getUid()))
        .status(new V1PodStatus().phase(phase));
  }

  private V1Pod cached(String version) {
    V1Pod pod = Pods.pod("default", "web", Pods.container("app"));
    pod.getMetadata().resourceVersion(version);
    pod.status(new V1PodStatus().phase("Pending"));
    api.put(pod);
    return pod;
  }

  private static V1Pod sharingMetadata(V1Pod apiPod, String phase) {
    return new V1Pod().metadata(apiPod.getMetadata()).status(new V1PodStatus().phase(phase));
  }

  @Test
  @DisplayName("a status offered again while the cached pod is unchanged is not queued again")
  void handledStatusNotQueuedAgain() throws Exception {
    V1Pod pod = cached("7");
    assertThat(sync.offer(sharingMetadata(pod, "Running"))).contains("default/web");
    sync.handle("default/web");
    assertThat(statusWriter.writes()).isEqualTo(1);

    assertThat(sync.offer(sharingMetadata(pod, "Running"))).as("same status, same cache").isEmpty();
    assertThat(sync.offer(sharingMetadata(pod, "Succeeded"))).as("new status").isPresent();
    pod.getMetadata().resourceVersion("8");
    assertThat(sync.offer(sharingMetadata(pod, "Running"))).as("the pod changed").isPresent();
  }

  @Test
  @DisplayName("a forgotten pod's status is queued again when offered")
  void forgottenQueuedAgain() throws Exception {
    V1Pod pod = cached("7");
    sync.offer(sharingMetadata(pod, "Running"));
    sync.handle("default/web");

    sync.forget("default/web");

    assertThat(sync.offer(sharingMetadata(pod, "Running"))).isPresent();
  }
}
