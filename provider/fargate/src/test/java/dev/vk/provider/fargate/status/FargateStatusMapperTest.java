package dev.vk.provider.fargate.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.ecs.model.Attachment;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.Task;

class FargateStatusMapperTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final PodShape SHAPE =
      new PodShape(List.of(), List.of(new PodShape.Shape("app", "busybox")), "Never");

  /**
   * lastStatus | container lastStatus | exit code (-1 none) | ECS reason | stopCode | started |
   * phase | state | k8s reason | ready.
   */
  @ParameterizedTest(name = "{0}/{1} exit {2} {4} -> {6} {7} {8}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "PROVISIONING   | PENDING | -1  | -                               | -                        | false | Pending   | waiting    | ContainerCreating | false",
        "PENDING        | PENDING | -1  | -                               | -                        | false | Pending   | waiting    | ContainerCreating | false",
        "ACTIVATING     | RUNNING | -1  | -                               | -                        | false | Pending   | running    | -                 | false",
        "RUNNING        | RUNNING | -1  | -                               | -                        | true  | Running   | running    | -                 | true",
        "DEACTIVATING   | RUNNING | -1  | -                               | UserInitiated            | true  | Running   | running    | -                 | false",
        "STOPPING       | STOPPED | 0   | -                               | EssentialContainerExited | true  | Running   | terminated | Completed         | false",
        "DEPROVISIONING | STOPPED | 3   | -                               | EssentialContainerExited | true  | Running   | terminated | Error             | false",
        "DEPROVISIONING | STOPPED | -1  | CannotPullContainerError: x     | TaskFailedToStart        | false | Pending   | terminated | ErrImagePull      | false",
        "STOPPED        | STOPPED | 0   | -                               | EssentialContainerExited | true  | Succeeded | terminated | Completed         | false",
        "STOPPED        | STOPPED | 3   | -                               | EssentialContainerExited | true  | Failed    | terminated | Error             | false",
        "STOPPED        | STOPPED | 137 | -                               | UserInitiated            | true  | Failed    | terminated | Error             | false",
        "STOPPED        | STOPPED | 137 | OutOfMemoryError: killed        | EssentialContainerExited | true  | Failed    | terminated | OOMKilled         | false",
        "STOPPED        | STOPPED | -1  | CannotPullContainerError: nope  | TaskFailedToStart        | false | Failed    | terminated | ErrImagePull      | false",
        "STOPPED        | STOPPED | -1  | ResourceInitializationError: x  | TaskFailedToStart        | false | Failed    | terminated | StartError        | false",
        "STOPPED        | STOPPED | 143 | -                               | SpotInterruption         | true  | Failed    | terminated | Error             | false",
        "STOPPED        | STOPPED | 0   | -                               | TerminationNotice        | true  | Succeeded | terminated | Completed         | false",
        "STOPPED        | STOPPED | 1   | -                               | ServiceSchedulerInitiated| true  | Failed    | terminated | Error             | false",
      })
  void mapsEveryLastStatusAndStopCode(
      String last,
      String containerLast,
      int exit,
      String ecsReason,
      String stopCode,
      boolean started,
      String phase,
      String state,
      String reason,
      boolean ready) {
    Task task = task(last, containerLast, exit, ecsReason, stopCode, started);

    V1PodStatus status =
        FargateStatusMapper.map(SHAPE, task, RestartHistory.NONE, new Observations(), NOW);

    assertThat(status.getPhase()).isEqualTo(phase);
    V1ContainerStatus app = status.getContainerStatuses().get(0);
    assertThat(kind(app.getState())).isEqualTo(state);
    assertThat(reasonOf(app.getState())).isEqualTo(reason);
    assertThat(app.getReady()).isEqualTo(ready);
    if (exit >= 0 && "terminated".equals(state)) {
      assertThat(app.getState().getTerminated().getExitCode()).isEqualTo(exit);
    }
  }

  @Test
  void stopCodesOtherThanOrdinaryEndsBecomeThePodReason() {
    V1PodStatus spot =
        FargateStatusMapper.map(
            SHAPE,
            task("STOPPED", "STOPPED", 143, null, "SpotInterruption", true),
            RestartHistory.NONE,
            new Observations(),
            NOW);
    V1PodStatus exited =
        FargateStatusMapper.map(
            SHAPE,
            task("STOPPED", "STOPPED", 3, null, "EssentialContainerExited", true),
            RestartHistory.NONE,
            new Observations(),
            NOW);

    assertThat(spot.getReason()).isEqualTo("SpotInterruption");
    assertThat(spot.getMessage()).isEqualTo("stopped: SpotInterruption");
    assertThat(exited.getReason()).isNull();
  }

  @Test
  void runningPodHasIpConditionsAndContainerId() {
    V1PodStatus status =
        FargateStatusMapper.map(
            SHAPE,
            task("RUNNING", "RUNNING", -1, null, null, true),
            RestartHistory.NONE,
            new Observations(),
            NOW);

    assertThat(status.getPodIP()).isEqualTo("10.0.1.5");

    assertThat(status.getHostIP()).as("the node owns the host IP").isNull();
    assertThat(status.getConditions())
        .extracting(c -> c.getType() + "=" + c.getStatus())
        .containsExactly(
            "PodScheduled=True", "Initialized=True", "ContainersReady=True", "Ready=True");
    assertThat(status.getContainerStatuses().get(0).getContainerID()).isEqualTo("ecs://task-1-0");
  }

  @Test
  void aReplacementIsRunningWithRestartsAndTheOldExitAsLastState() {
    var last =
        ContainerStates.terminated(
            "app",
            Container.builder().name("app").exitCode(1).lastStatus("STOPPED").build(),
            new Observations(),
            NOW);
    Task stopped = task("STOPPED", "STOPPED", 1, null, "EssentialContainerExited", true);
    PodShape always = new PodShape(List.of(), SHAPE.containers(), "Always");

    V1PodStatus waiting =
        FargateStatusMapper.map(
            always,
            stopped,
            new RestartHistory(0, Map.of("app", last), true),
            new Observations(),
            NOW);
    V1PodStatus restarted =
        FargateStatusMapper.map(
            always,
            task("PROVISIONING", "PENDING", -1, null, null, false),
            new RestartHistory(1, Map.of("app", last), false),
            new Observations(),
            NOW);

    assertThat(waiting.getPhase()).isEqualTo("Running");
    assertThat(waiting.getContainerStatuses().get(0).getState().getWaiting().getReason())
        .isEqualTo("CrashLoopBackOff");
    assertThat(restarted.getPhase()).isEqualTo("Running");
    assertThat(restarted.getContainerStatuses().get(0).getRestartCount()).isEqualTo(1);
    assertThat(restarted.getContainerStatuses().get(0).getLastState().getTerminated().getExitCode())
        .isEqualTo(1);
  }

  @Test
  void noTaskYetIsPending() {
    assertThat(
            FargateStatusMapper.map(SHAPE, null, RestartHistory.NONE, new Observations(), NOW)
                .getPhase())
        .isEqualTo("Pending");
  }

  static Task task(
      String last,
      String containerLast,
      int exit,
      String ecsReason,
      String stopCode,
      boolean started) {
    Task.Builder b =
        Task.builder()
            .taskArn("arn:aws:ecs:us-east-1:123456789012:task/default/task-1")
            .lastStatus(last)
            .desiredStatus(stopCode == null ? "RUNNING" : "STOPPED")
            .createdAt(NOW)
            .attachments(
                Attachment.builder()
                    .type("ElasticNetworkInterface")
                    .details(
                        KeyValuePair.builder().name("privateIPv4Address").value("10.0.1.5").build())
                    .build())
            .containers(
                Container.builder()
                    .name("app")
                    .lastStatus(containerLast)
                    .runtimeId("task-1-0")
                    .exitCode(exit < 0 ? null : exit)
                    .reason(ecsReason)
                    .build());
    if (started) {
      b.startedAt(NOW);
    }
    if (stopCode != null) {
      b.stopCode(stopCode).stoppedReason("stopped: " + stopCode);
    }
    return b.build();
  }

  private static String kind(V1ContainerState s) {
    return s.getRunning() != null
        ? "running"
        : s.getTerminated() != null ? "terminated" : "waiting";
  }

  private static String reasonOf(V1ContainerState s) {
    return s.getTerminated() != null
        ? s.getTerminated().getReason()
        : s.getWaiting() != null ? s.getWaiting().getReason() : null;
  }
}
