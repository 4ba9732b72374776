package dev.vk.provider.aci.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.util.serializer.JacksonAdapter;
import com.azure.core.util.serializer.SerializerEncoding;
import com.azure.resourcemanager.containerinstance.fluent.models.ContainerGroupInner;
import dev.vk.provider.status.PodConditions;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Instance views (as ARM returns them) to pod status. */
class AciStatusMapperTest {

  private final AciStatusMapper mapper = new AciStatusMapper("vk-node");

  @ParameterizedTest(name = "{0}/{1} + container {2} {3} -> {4}")
  @CsvSource({
    "Pending,   ,          Waiting,    Pulling,                                   Pending,   ContainerCreating, ,     False",
    "Succeeded, Running,   Running,    ,                                          Running,   ,                  ,     True",
    "Succeeded, Succeeded, Terminated, Completed,                                 Succeeded, Completed,         0,    False",
    "Succeeded, Failed,    Terminated, Error,                                     Failed,    Error,             3,    False",
    "Succeeded, Running,   Waiting,    CrashLoopBackOff: Back-off restarting,     Running,   CrashLoopBackOff,  ,     False",
    "Failed,    ,          Waiting,    ,                                          Failed,    ContainerCreating, ,     False",
  })
  void mapsPhaseContainerStateAndReadiness(
      String provisioning,
      String groupState,
      String containerState,
      String detail,
      String phase,
      String reason,
      Integer exitCode,
      String ready)
      throws IOException {
    V1Pod pod = mapper.pod(group(provisioning, groupState, containerState, detail, exitCode));

    assertThat(pod.getStatus().getPhase()).isEqualTo(phase);
    assertThat(pod.getMetadata().getUid()).isEqualTo("uid-1");
    assertThat(pod.getMetadata().getNamespace()).isEqualTo("team");
    assertThat(pod.getStatus().getPodIP()).isEqualTo("10.0.0.4");
    assertThat(pod.getStatus().getHostIP()).as("the node owns the host IP").isNull();
    V1ContainerStatus app = pod.getStatus().getContainerStatuses().get(0);
    assertThat(app.getRestartCount()).isEqualTo(2);
    if (reason == null) {
      assertThat(app.getState().getRunning().getStartedAt()).isNotNull();
    } else if (app.getState().getTerminated() != null) {
      assertThat(app.getState().getTerminated().getReason()).isEqualTo(reason);
      assertThat(app.getState().getTerminated().getExitCode()).isEqualTo(exitCode);
      assertThat(app.getState().getTerminated().getFinishedAt()).isNotNull();
    } else {
      assertThat(app.getState().getWaiting().getReason()).isEqualTo(reason);
    }
    assertThat(PodConditionsOf.status(pod, "Ready")).isEqualTo(ready);
    assertThat(PodConditionsOf.status(pod, "PodScheduled")).isEqualTo("True");
    assertThat(pod.getStatus().getConditions())
        .extracting(V1PodCondition::getType)
        .as("the conditions every provider reports, in one order")
        .containsExactlyElementsOf(PodConditions.TYPES);
    assertThat(app.getLastState().getTerminated().getExitCode()).isEqualTo(137);
  }

  @Test
  void groupsReadApartHoldTheirRepeatedValuesOnce() throws IOException {
    V1Pod first = mapper.pod(group("Succeeded", "Running", "Running", null, null));
    V1Pod second = mapper.pod(group("Succeeded", "Running", "Running", null, null));

    assertThat(second.getMetadata().getNamespace()).isSameAs(first.getMetadata().getNamespace());
    assertThat(second.getSpec().getContainers().get(0).getImage())
        .isSameAs(first.getSpec().getContainers().get(0).getImage());
    assertThat(second.getStatus().getContainerStatuses().get(0).getName())
        .isSameAs(first.getStatus().getContainerStatuses().get(0).getName());
    assertThat(second.getMetadata().getCreationTimestamp())
        .isSameAs(first.getMetadata().getCreationTimestamp());
    assertThat(second).isEqualTo(first);
  }

  private static ContainerGroupInner group(
      String provisioning, String groupState, String state, String detail, Integer exitCode)
      throws IOException {
    String view =
        "{\"restartCount\":2,\"currentState\":{\"state\":\""
            + state
            + "\""
            + (detail == null ? "" : ",\"detailStatus\":\"" + detail + "\"")
            + (state.equals("Waiting") ? "" : ",\"startTime\":\"2026-01-01T00:00:05Z\"")
            + (exitCode == null
                ? ""
                : ",\"exitCode\":" + exitCode + ",\"finishTime\":\"2026-01-01T00:00:09Z\"")
            + "},\"previousState\":{\"state\":\"Terminated\",\"exitCode\":137,"
            + "\"startTime\":\"2026-01-01T00:00:01Z\",\"finishTime\":\"2026-01-01T00:00:02Z\"}}";
    String json =
        "{\"id\":\"/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerInstance/containerGroups/team-web\","
            + "\"name\":\"team-web\",\"location\":\"westeurope\","
            + "\"tags\":{\"pod-uid\":\"uid-1\",\"pod-namespace\":\"team\",\"pod-name\":\"web\","
            + "\"node-name\":\"vk-node\",\"cluster-id\":\"\",\"pod-created\":\"2026-01-01T00:00:00Z\"},"
            + "\"properties\":{\"provisioningState\":\""
            + provisioning
            + "\",\"osType\":\"Linux\","
            + "\"ipAddress\":{\"ip\":\"10.0.0.4\",\"type\":\"Private\",\"ports\":[]},"
            + (groupState == null
                ? ""
                : "\"instanceView\":{\"state\":\"" + groupState + "\",\"events\":[]},")
            + "\"containers\":[{\"name\":\"app\",\"properties\":{\"image\":\"busybox\","
            + "\"resources\":{\"requests\":{\"cpu\":1,\"memoryInGB\":1.5}},\"instanceView\":"
            + view
            + "}}]}}";
    return JacksonAdapter.createDefaultSerializerAdapter()
        .deserialize(json, ContainerGroupInner.class, SerializerEncoding.JSON);
  }

  /** Condition lookup for assertions. */
  private static final class PodConditionsOf {
    static String status(V1Pod pod, String type) {
      return pod.getStatus().getConditions().stream()
          .filter(c -> type.equals(c.getType()))
          .findFirst()
          .orElseThrow()
          .getStatus();
    }
  }
}
