package dev.vk.node.pod;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.provider.testkit.Pods;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateRunning;
import io.kubernetes.client.openapi.models.V1ContainerStateTerminated;
import io.kubernetes.client.openapi.models.V1ContainerStateWaiting;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the status writer refuses, carries forward and lets through, as the API then shows it. */
class StatusGuardTest {
  private final InMemoryApiPods api = new InMemoryApiPods();
  private final StatusWriter writer = new StatusWriter(api, "10.0.0.2");
  private V1Pod pod;

  @BeforeEach
  void runningAndReady() throws Exception {
    pod = Pods.pod("default", "web", Pods.container("app"));
    pod.getSpec().setRestartPolicy("Always");
    api.put(pod);
    assertThat(writer.write(pod, status("Running", true, running(), 2, lastExit(1)))).isTrue();
  }

  @Test
  @DisplayName(
      "a status built from a listing (Pending, container creating, no restarts) is refused:"
          + " the pod stays Running and Ready")
  void partialListingRefused() throws Exception {
    boolean written =
        writer.write(api(), status("Pending", false, waiting("ContainerCreating"), 0, null));

    assertThat(written).isFalse();
    assertThat(writer.refusals()).isEqualTo(1);
    assertThat(api().getStatus().getPhase()).isEqualTo("Running");
    assertThat(ready(api())).isEqualTo("True");
    assertThat(container(api()).getRestartCount()).isEqualTo(2);
  }

  @Test
  @DisplayName("a container that is missing from the proposed status counts as never started")
  void missingContainerRefused() throws Exception {
    V1PodStatus noContainers = status("Running", false, running(), 2, null).containerStatuses(null);

    assertThat(writer.write(api(), noContainers)).isFalse();
    assertThat(ready(api())).isEqualTo("True");
  }

  @Test
  @DisplayName("a failing readiness probe is written: Ready False, still Running")
  void notReadyWritten() throws Exception {
    assertThat(writer.write(api(), status("Running", false, running(), 2, lastExit(1)))).isTrue();

    assertThat(ready(api())).isEqualTo("False");
    assertThat(api().getStatus().getPhase()).isEqualTo("Running");
  }

  @Test
  @DisplayName("a crash is written: terminated now, then waiting in back-off with the exit kept")
  void crashWritten() throws Exception {
    assertThat(writer.write(api(), status("Running", false, exited(137), 2, lastExit(1)))).isTrue();
    assertThat(container(api()).getState().getTerminated().getExitCode()).isEqualTo(137);

    assertThat(
            writer.write(
                api(), status("Running", false, waiting("CrashLoopBackOff"), 3, lastExit(137))))
        .isTrue();
    assertThat(container(api()).getRestartCount()).isEqualTo(3);
    assertThat(container(api()).getState().getWaiting().getReason()).isEqualTo("CrashLoopBackOff");
  }

  @Test
  @DisplayName(
      "a restarting pod is never Pending again: the phase stays Running, the rest is written")
  void runningNeverPendingAgain() throws Exception {
    assertThat(
            writer.write(
                api(), status("Pending", false, waiting("CrashLoopBackOff"), 3, lastExit(2))))
        .isTrue();

    assertThat(api().getStatus().getPhase()).isEqualTo("Running");
    assertThat(ready(api())).isEqualTo("False");
  }

  @Test
  @DisplayName(
      "restart counts never go down, and the last exit is kept until a newer one replaces it")
  void historyCarriedForward() throws Exception {
    writer.write(api(), status("Running", false, running(), 0, null));

    assertThat(container(api()).getRestartCount()).isEqualTo(2);
    assertThat(container(api()).getLastState().getTerminated().getExitCode()).isEqualTo(1);
    assertThat(ready(api())).as("the present state is the provider's").isEqualTo("False");
  }

  @Test
  @DisplayName(
      "a restarted provider that first saw a run 'now' moves neither its start nor the Ready"
          + " condition's transition time")
  void timesOfTheSameRunKept() throws Exception {
    OffsetDateTime started = container(api()).getState().getRunning().getStartedAt();
    OffsetDateTime readySince = OffsetDateTime.parse("2026-01-01T00:00:00Z");
    api().getStatus().getConditions().get(0).setLastTransitionTime(readySince);

    V1PodStatus later = status("Running", true, running(), 2, lastExit(1)).podIP("10.0.0.10");
    later.getContainerStatuses().get(0).getState().getRunning().startedAt(started.plusHours(1));
    later.getConditions().get(0).setLastTransitionTime(readySince.plusHours(1));
    assertThat(writer.write(api(), later)).as("the IP changed").isTrue();

    assertThat(container(api()).getState().getRunning().getStartedAt()).isEqualTo(started);
    assertThat(api().getStatus().getConditions().get(0).getLastTransitionTime())
        .isEqualTo(readySince);
  }

  @Test
  @DisplayName("a terminal phase never moves")
  void terminalPhaseFinal() throws Exception {
    writer.write(api(), status("Failed", false, exited(1), 2, lastExit(1)));
    assertThat(api().getStatus().getPhase()).isEqualTo("Failed");

    assertThat(writer.write(api(), status("Running", true, running(), 2, lastExit(1)))).isFalse();
    assertThat(api().getStatus().getPhase()).isEqualTo("Failed");
  }

  @Test
  @DisplayName("under restartPolicy Never a terminated container never runs again")
  void neverPolicyFinal() throws Exception {
    V1Pod never = Pods.pod("default", "job", Pods.container("app"));
    never.getSpec().setRestartPolicy("Never");
    api.put(never);
    writer.write(never, status("Running", false, exited(0), 0, null));

    V1Pod current = api.get("default/job");
    assertThat(writer.write(current, status("Running", true, running(), 0, null))).isFalse();
    assertThat(container(current).getState().getTerminated()).isNotNull();
  }

  @Test
  @DisplayName(
      "after the node had the pod started afresh (lost, or redeployed), its containers may"
          + " wait from scratch; once they all ran again the rule is back")
  void renewedPodStartsOver() throws Exception {
    writer.renewed(api());

    assertThat(writer.write(api(), status("Pending", false, waiting("ContainerCreating"), 0, null)))
        .isTrue();
    assertThat(api().getStatus().getPhase()).as("it ran before").isEqualTo("Running");
    assertThat(container(api()).getState().getWaiting()).isNotNull();
    assertThat(container(api()).getRestartCount()).isEqualTo(2);

    assertThat(writer.write(api(), status("Running", true, running(), 0, null))).isTrue();
    assertThat(writer.write(api(), status("Pending", false, waiting("ContainerCreating"), 0, null)))
        .as("renewal over")
        .isFalse();
  }

  @Test
  @DisplayName("a status from before the renewal does not end it")
  void renewalOutlivesStaleStatus() throws Exception {
    writer.renewed(api());
    writer.write(api(), status("Running", false, running(), 2, lastExit(1)));

    assertThat(writer.write(api(), status("Pending", false, waiting("ContainerCreating"), 0, null)))
        .isTrue();
  }

  private V1Pod api() {
    return api.get("default/web");
  }

  private static V1PodStatus status(
      String phase,
      boolean ready,
      V1ContainerState state,
      int restarts,
      V1ContainerState lastState) {
    String flag = ready ? "True" : "False";
    return new V1PodStatus()
        .phase(phase)
        .podIP("10.0.0.9")
        .conditions(
            List.of(
                new V1PodCondition().type("Ready").status(flag),
                new V1PodCondition().type("ContainersReady").status(flag)))
        .containerStatuses(
            List.of(
                new V1ContainerStatus()
                    .name("app")
                    .image("busybox")
                    .ready(ready)
                    .restartCount(restarts)
                    .state(state)
                    .lastState(lastState)));
  }

  private static V1ContainerState running() {
    return new V1ContainerState()
        .running(new V1ContainerStateRunning().startedAt(OffsetDateTime.now()));
  }

  private static V1ContainerState waiting(String reason) {
    return new V1ContainerState().waiting(new V1ContainerStateWaiting().reason(reason));
  }

  private static V1ContainerState exited(int code) {
    return new V1ContainerState()
        .terminated(
            new V1ContainerStateTerminated()
                .exitCode(code)
                .reason(code == 0 ? "Completed" : "Error"));
  }

  private static V1ContainerState lastExit(int code) {
    return code < 0 ? null : exited(code);
  }

  private static String ready(V1Pod pod) {
    return pod.getStatus().getConditions().stream()
        .filter(c -> "Ready".equals(c.getType()))
        .findFirst()
        .orElseThrow()
        .getStatus();
  }

  private static V1ContainerStatus container(V1Pod pod) {
    return pod.getStatus().getContainerStatuses().get(0);
  }
}
