package dev.vk.provider.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateRunning;
import io.kubernetes.client.openapi.models.V1ContainerStateTerminated;
import io.kubernetes.client.openapi.models.V1ContainerStateWaiting;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1PodCondition;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PodConditionsTest {
  private static final OffsetDateTime T0 =
      OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
  private static final PodConditions.Since AT_T0 = (type, status) -> T0;

  private static V1ContainerStatus container(String name, String state, boolean ready) {
    V1ContainerState s =
        switch (state) {
          case "running" -> new V1ContainerState().running(new V1ContainerStateRunning());
          case "done" ->
              new V1ContainerState().terminated(new V1ContainerStateTerminated().exitCode(0));
          case "failed" ->
              new V1ContainerState().terminated(new V1ContainerStateTerminated().exitCode(1));
          default -> new V1ContainerState().waiting(new V1ContainerStateWaiting().reason(state));
        };
    return new V1ContainerStatus().name(name).ready(ready).state(s);
  }

  /** Each condition as {@code type=status/reason/message}, in the reported order. */
  private static List<String> shape(List<V1PodCondition> conditions) {
    List<String> out = new ArrayList<>();
    for (V1PodCondition c : conditions) {
      out.add(
          c.getType()
              + "="
              + c.getStatus()
              + "/"
              + (c.getReason() == null ? "" : c.getReason())
              + "/"
              + (c.getMessage() == null ? "" : c.getMessage()));
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          pending, init running | Pending   | running | ContainerCreating | PodScheduled=True//; Initialized=False/ContainersNotInitialized/containers with incomplete status: [init]; ContainersReady=False/ContainersNotReady/containers with unready status: [app]; Ready=False/ContainersNotReady/containers with unready status: [app]
          running, not ready    | Running   | done    | running-unready   | PodScheduled=True//; Initialized=True//; ContainersReady=False/ContainersNotReady/containers with unready status: [app]; Ready=False/ContainersNotReady/containers with unready status: [app]
          running and ready     | Running   | done    | running-ready     | PodScheduled=True//; Initialized=True//; ContainersReady=True//; Ready=True//
          succeeded             | Succeeded | done    | done              | PodScheduled=True//; Initialized=True//; ContainersReady=False/PodCompleted/; Ready=False/PodCompleted/
          failed init           | Failed    | failed  | PodInitializing   | PodScheduled=True//; Initialized=False/PodCompleted/; ContainersReady=False/PodCompleted/; Ready=False/PodCompleted/
          """)
  @DisplayName("the four conditions, in order, with the kubelet's reasons and messages")
  void shapeOfConditions(String name, String phase, String init, String app, String expected) {
    V1ContainerStatus appStatus =
        switch (app) {
          case "running-ready" -> container("app", "running", true);
          case "running-unready" -> container("app", "running", false);
          default -> container("app", app, false);
        };
    List<V1PodCondition> conditions =
        PodConditions.of(phase, List.of(container("init", init, false)), List.of(appStatus), AT_T0);
    assertThat(shape(conditions)).containsExactly(expected.split("; "));
    assertThat(conditions).extracting(V1PodCondition::getLastTransitionTime).containsOnly(T0);
  }

  @Test
  @DisplayName("a pod without init containers is initialized at once")
  void noInitContainers() {
    List<V1PodCondition> conditions =
        PodConditions.of(
            "Pending", List.of(), List.of(container("app", "ContainerCreating", false)), AT_T0);
    assertThat(conditions.get(1).getStatus()).isEqualTo("True");
  }

  @Test
  @DisplayName("each condition's time comes from when it took its status")
  void timesFromSince() {
    List<V1PodCondition> conditions =
        PodConditions.of(
            "Running",
            List.of(),
            List.of(container("app", "running", true)),
            (type, status) -> T0.plusMinutes(PodConditions.TYPES.indexOf(type)));
    assertThat(conditions)
        .extracting(V1PodCondition::getLastTransitionTime)
        .containsExactly(T0, T0.plusMinutes(1), T0.plusMinutes(2), T0.plusMinutes(3));
  }

  @Test
  @DisplayName(
      "a condition keeps its old time while its status holds and takes the new one on a change")
  void keepsTimeWhileStatusHolds() {
    List<V1PodCondition> before =
        PodConditions.of("Running", List.of(), List.of(container("app", "running", false)), AT_T0);
    OffsetDateTime later = T0.plusMinutes(5);
    List<V1PodCondition> after =
        PodConditions.of(
            "Running", List.of(), List.of(container("app", "running", true)), (t, s) -> later);
    PodConditions.keepTransitionTimes(before, after);
    assertThat(after)
        .extracting(V1PodCondition::getLastTransitionTime)
        .containsExactly(T0, T0, later, later);
  }

  @Test
  void conditionsOfPodsBuiltApartHoldAnInstantTheyShareOnce() {
    // An instant no other test of this JVM shares: the process-wide table is not reset.
    long second = 1_800_000_000L + new Random().nextInt(100_000_000);
    PodConditions.Since fresh =
        (type, status) -> OffsetDateTime.ofInstant(Instant.ofEpochSecond(second), ZoneOffset.UTC);

    List<V1PodCondition> first = PodConditions.of("Running", List.of(), List.of(), true, fresh);
    List<V1PodCondition> again = PodConditions.of("Running", List.of(), List.of(), true, fresh);

    assertThat(again.get(3).getLastTransitionTime())
        .isEqualTo(first.get(0).getLastTransitionTime())
        .isSameAs(first.get(0).getLastTransitionTime());
  }
}
