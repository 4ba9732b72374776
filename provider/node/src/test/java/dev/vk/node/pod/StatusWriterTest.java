package dev.vk.node.pod;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.provider.testkit.Pods;
import io.kubernetes.client.openapi.models.V1HostIP;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodIP;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StatusWriterTest {
  private final InMemoryApiPods api = new InMemoryApiPods();

  @Test
  @DisplayName("the host is always this node, whatever address the provider gives its sandbox")
  void hostIsTheNode() throws Exception {
    V1Pod pod = Pods.pod("default", "web", Pods.container("app"));
    api.put(pod);
    new StatusWriter(api, "10.0.0.2")
        .write(pod, new V1PodStatus().phase("Running").hostIP("10.0.0.15").podIP("10.0.0.15"));
    V1PodStatus written = api.get("default/web").getStatus();
    assertThat(written.getHostIP()).isEqualTo("10.0.0.2");
    assertThat(written.getHostIPs()).extracting(V1HostIP::getIp).containsExactly("10.0.0.2");
    assertThat(written.getPodIPs()).extracting(V1PodIP::getIp).containsExactly("10.0.0.15");
  }

  @Test
  @DisplayName("a status already sent is not sent again while the informer still shows the old one")
  void staleCacheCostsNoSecondPatch() throws Exception {
    V1Pod cached = Pods.pod("default", "web", Pods.container("app"));
    cached.getMetadata().resourceVersion("7");
    cached.status(new V1PodStatus().phase("Pending"));
    StatusWriter writer = new StatusWriter(api, "10.0.0.2");

    assertThat(writer.write(cached, new V1PodStatus().phase("Running").podIP("10.0.0.15")))
        .isTrue();
    assertThat(writer.write(cached, new V1PodStatus().phase("Running").podIP("10.0.0.15")))
        .isFalse();
    assertThat(writer.write(cached, new V1PodStatus().phase("Running").podIP("10.0.0.16")))
        .as("a real change is still written")
        .isTrue();
    assertThat(writer.writes()).isEqualTo(2);
  }

  @Test
  @DisplayName("once the informer moves on, its copy is the truth again")
  void movedCacheIsCompared() throws Exception {
    V1Pod cached = Pods.pod("default", "web", Pods.container("app"));
    cached.getMetadata().resourceVersion("7");
    cached.status(new V1PodStatus().phase("Pending"));
    StatusWriter writer = new StatusWriter(api, "10.0.0.2");
    writer.write(cached, new V1PodStatus().phase("Running").podIP("10.0.0.15"));

    // Someone else changed the status after this node's write: the node writes its own again.
    cached.getMetadata().resourceVersion("9");
    cached.status(new V1PodStatus().phase("Running").podIP("10.0.0.99"));
    assertThat(writer.write(cached, new V1PodStatus().phase("Running").podIP("10.0.0.15")))
        .isTrue();
    assertThat(writer.writes()).isEqualTo(2);
  }

  @Test
  @DisplayName(
      "a provider's annotations ride on the pod's next status patch, and on one for them alone"
          + " when the status has not changed")
  void carriesPendingAnnotations() throws Exception {
    V1Pod pod = Pods.pod("default", "web", Pods.container("app"));
    pod.status(new V1PodStatus().phase("Pending"));
    api.put(pod);
    NodeWrites nodeWrites = new NodeWrites();
    StatusWriter writer = new StatusWriter(api, nodeWrites, "10.0.0.2");
    String uid = pod.getMetadata().getUid();
    nodeWrites.annotate(uid, Map.of("CapacityProvisioned", "0.25vCPU 0.5GB"));

    assertThat(writer.write(pod, new V1PodStatus().phase("Running"))).isTrue();
    assertThat(api.get("default/web").getMetadata().getAnnotations())
        .containsEntry("CapacityProvisioned", "0.25vCPU 0.5GB");
    assertThat(nodeWrites.pendingAnnotations(uid)).as("taken by the write").isEmpty();
    assertThat(api.statusWrites).hasValue(1);

    nodeWrites.annotate(uid, Map.of("CapacityProvisioned", "1vCPU 2GB"));
    assertThat(writer.write(pod, new V1PodStatus().phase("Running")))
        .as("the same status, sent again for the annotation")
        .isTrue();
    assertThat(api.get("default/web").getMetadata().getAnnotations())
        .containsEntry("CapacityProvisioned", "1vCPU 2GB");
    assertThat(writer.write(pod, new V1PodStatus().phase("Running"))).isFalse();
    assertThat(api.statusWrites).hasValue(2);
  }

  @Test
  @DisplayName("annotations the pod already shows cost no write and are no longer pending")
  void shownAnnotationsAreDone() throws Exception {
    V1Pod pod = Pods.pod("default", "web", Pods.container("app"));
    pod.getMetadata().putAnnotationsItem("CapacityProvisioned", "0.25vCPU 0.5GB");
    pod.status(new V1PodStatus().phase("Running"));
    api.put(pod);
    NodeWrites nodeWrites = new NodeWrites();
    StatusWriter writer = new StatusWriter(api, nodeWrites, "10.0.0.2");
    writer.write(pod, new V1PodStatus().phase("Running")); // fills hostIP once
    nodeWrites.annotate(
        pod.getMetadata().getUid(), Map.of("CapacityProvisioned", "0.25vCPU 0.5GB"));
    int before = api.statusWrites.get();

    assertThat(writer.write(pod, new V1PodStatus().phase("Running"))).isFalse();
    assertThat(api.statusWrites).hasValue(before);
    assertThat(nodeWrites.pendingAnnotations(pod.getMetadata().getUid())).isEmpty();
  }
}
