package dev.vk.node.pod;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.vk.provider.testkit.Pods;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateRunning;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1HostIP;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import io.kubernetes.client.openapi.models.V1PodIP;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StatusPatchTest {

  @Test
  @DisplayName(
      "the patch replaces podIPs and hostIPs instead of merging a new address beside the old")
  void replacesAddressLists() {
    V1Pod pod = Pods.pod("default", "web", Pods.container("app"));
    V1PodStatus status =
        new V1PodStatus()
            .podIP("10.0.0.16")
            .podIPs(List.of(new V1PodIP().ip("10.0.0.16")))
            .hostIPs(List.of(new V1HostIP().ip("10.0.0.2")));
    JsonObject body =
        JsonParser.parseString(StatusPatch.body(JSON.getGson(), pod, status, Map.of()))
            .getAsJsonObject();
    assertThat(body.getAsJsonObject("metadata").get("uid").getAsString())
        .isEqualTo(pod.getMetadata().getUid());
    assertThat(body.getAsJsonObject("metadata").has("annotations")).isFalse();
    JsonArray podIps = body.getAsJsonObject("status").getAsJsonArray("podIPs");
    assertThat(podIps.toString()).isEqualTo("[{\"ip\":\"10.0.0.16\"},{\"$patch\":\"replace\"}]");
    assertThat(body.getAsJsonObject("status").getAsJsonArray("hostIPs").toString())
        .contains("$patch");
  }

  @Test
  @DisplayName(
      "the patch replaces container statuses and deletes a condition's old reason, so that a"
          + " merge leaves exactly the status sent")
  void leavesNoStaleFields() {
    V1Pod pod = Pods.pod("default", "web", Pods.container("app"));
    V1PodStatus status =
        new V1PodStatus()
            .phase("Running")
            .conditions(List.of(new V1PodCondition().type("Ready").status("True")))
            .containerStatuses(
                List.of(
                    new V1ContainerStatus()
                        .name("app")
                        .state(new V1ContainerState().running(new V1ContainerStateRunning()))));

    JsonObject patched =
        JsonParser.parseString(StatusPatch.body(JSON.getGson(), pod, status, Map.of()))
            .getAsJsonObject()
            .getAsJsonObject("status");

    JsonObject ready = patched.getAsJsonArray("conditions").get(0).getAsJsonObject();
    assertThat(ready.has("reason")).isTrue();
    assertThat(ready.get("reason").isJsonNull()).isTrue();
    assertThat(ready.get("message").isJsonNull()).isTrue();
    assertThat(ready.get("status").getAsString()).isEqualTo("True");
    assertThat(patched.getAsJsonArray("containerStatuses").toString()).contains("$patch");
    assertThat(patched.get("phase").getAsString()).isEqualTo("Running");
  }

  @Test
  @DisplayName("annotations the node holds for the pod go into the same patch's metadata")
  void carriesAnnotations() {
    V1Pod pod = Pods.pod("default", "web", Pods.container("app"));
    JsonObject metadata =
        JsonParser.parseString(
                StatusPatch.body(
                    JSON.getGson(),
                    pod,
                    new V1PodStatus().phase("Pending"),
                    Map.of("CapacityProvisioned", "0.25vCPU 0.5GB")))
            .getAsJsonObject()
            .getAsJsonObject("metadata");

    assertThat(metadata.getAsJsonObject("annotations").toString())
        .isEqualTo("{\"CapacityProvisioned\":\"0.25vCPU 0.5GB\"}");
    assertThat(metadata.get("uid").getAsString()).isEqualTo(pod.getMetadata().getUid());
  }
}
