package dev.vk.node.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.node.pod.ApiPods;
import dev.vk.provider.testkit.NoopPodLifecycle;
import dev.vk.provider.testkit.Pods;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateRunning;
import io.kubernetes.client.openapi.models.V1ContainerStateTerminated;
import io.kubernetes.client.openapi.models.V1ContainerStateWaiting;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RunningPodsTest {
  private final List<V1Pod> provider = new ArrayList<>();
  private final List<V1Pod> api = new ArrayList<>();
  private final RunningPods running = new RunningPods(new NoopPodLifecycle(provider), new Api(api));

  private static V1Pod pod(String name, String phase, V1ContainerState... states) {
    V1Pod pod = Pods.pod("default", name);
    if (phase == null) {
      return pod;
    }
    V1PodStatus status = new V1PodStatus().phase(phase);
    for (V1ContainerState state : states) {
      status.addContainerStatusesItem(
          new V1ContainerStatus().name("app").ready(false).state(state));
    }
    return pod.status(status);
  }

  private static V1ContainerState runningState() {
    return new V1ContainerState().running(new V1ContainerStateRunning());
  }

  private static V1ContainerState exited() {
    return new V1ContainerState().terminated(new V1ContainerStateTerminated().exitCode(0));
  }

  private List<String> names() throws Exception {
    return running.list().stream().map(p -> p.getMetadata().getName()).toList();
  }

  @Test
  @DisplayName(
      "only pods with a running container are listed, ready or not; waiting, stopped and finished"
          + " ones are not")
  void onlyRunningContainers() throws Exception {
    V1Pod unready = pod("unready", "Running", runningState());
    V1Pod pulling =
        pod(
            "pulling",
            "Pending",
            new V1ContainerState().waiting(new V1ContainerStateWaiting().reason("Pulling")));
    V1Pod stopped = pod("stopped", "Running", exited());
    V1Pod done = pod("done", "Succeeded", exited());
    provider.addAll(List.of(unready, pulling, stopped, done));
    api.addAll(List.of(unready, pulling, stopped, done));
    assertThat(names()).containsExactly("unready");
  }

  @Test
  @DisplayName(
      "a deleted pod leaves as soon as the provider reports it stopped, though its record lingers")
  void deletedPodLeavesWhenStopped() throws Exception {
    V1Pod web = pod("web", "Running", runningState());
    provider.add(web);
    api.add(web);
    assertThat(names()).containsExactly("web");
    api.clear(); // force-deleted: its containers still run, so it is still listed
    assertThat(names()).containsExactly("web");
    provider.set(0, pod("web", "Running", exited()));
    assertThat(names()).isEmpty();
  }

  @Test
  @DisplayName(
      "a pod the provider lists without status is judged by the API's status, and left out once"
          + " the API no longer has it")
  void withoutStatusTheApiDecides() throws Exception {
    V1Pod listed = pod("adopted", null);
    provider.add(listed);
    V1Pod apiCopy = Pods.copy(listed).status(pod("x", "Running", runningState()).getStatus());
    api.add(apiCopy);
    assertThat(names()).containsExactly("adopted");
    api.clear();
    assertThat(names()).isEmpty();
    provider.clear();
    api.add(Pods.copy(listed).status(pod("x", "Pending").getStatus()));
    provider.add(listed);
    assertThat(names()).isEmpty();
  }

  /** The API's pods of the node. */
  private record Api(List<V1Pod> pods) implements ApiPods {
    @Override
    public V1Pod get(String key) {
      return null;
    }

    @Override
    public List<V1Pod> list() {
      return List.copyOf(pods);
    }

    @Override
    public void deleteNow(V1Pod pod) {}

    @Override
    public void patchStatus(V1Pod pod, V1PodStatus status, Map<String, String> annotations) {}
  }
}
