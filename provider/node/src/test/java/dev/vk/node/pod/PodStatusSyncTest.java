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
  private final StatusWriter writer = new StatusWriter(api, "10.0.0.2");
  private final List<String> podSyncs = new ArrayList<>();
  private final PodStatusSync sync = new PodStatusSync(api, writer, podSyncs::add);

  private V1Pod cached(String version) {
    V1Pod pod = Pods.pod("default", "web", Pods.container("app"));
    pod.getMetadata().resourceVersion(version);
    pod.status(new V1PodStatus().phase("Pending"));
    api.put(pod);
    return pod;
  }

  private static V1Pod providerPod(V1Pod apiPod, String phase) {
    return new V1Pod().metadata(apiPod.getMetadata()).status(new V1PodStatus().phase(phase));
  }

  @Test
  @DisplayName("a status offered again while the cached pod is unchanged is not queued again")
  void handledStatusNotQueuedAgain() throws Exception {
    V1Pod pod = cached("7");
    assertThat(sync.offer(providerPod(pod, "Running"))).contains("default/web");
    sync.handle("default/web");
    assertThat(writer.writes()).isEqualTo(1);

    assertThat(sync.offer(providerPod(pod, "Running"))).as("same status, same cache").isEmpty();
    assertThat(sync.offer(providerPod(pod, "Succeeded"))).as("new status").isPresent();
    pod.getMetadata().resourceVersion("8");
    assertThat(sync.offer(providerPod(pod, "Running"))).as("the pod changed").isPresent();
  }

  @Test
  @DisplayName("a forgotten pod's status is queued again when offered")
  void forgottenQueuedAgain() throws Exception {
    V1Pod pod = cached("7");
    sync.offer(providerPod(pod, "Running"));
    sync.handle("default/web");

    sync.forget("default/web");

    assertThat(sync.offer(providerPod(pod, "Running"))).isPresent();
  }
}
