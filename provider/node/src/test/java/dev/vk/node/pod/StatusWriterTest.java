package dev.vk.node.pod;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.provider.testkit.Pods;
import io.kubernetes.client.openapi.models.V1HostIP;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodIP;
import io.kubernetes.client.openapi.models.V1PodStatus;
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
}
