package dev.vk.node.pod;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateRunning;
import io.kubernetes.client.openapi.models.V1ContainerStateTerminated;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1PodCondition;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StatusComparisonTest {
  private static V1PodStatus running(OffsetDateTime at) {
    return new V1PodStatus()
        .phase("Running")
        .podIP("10.244.0.1")
        .conditions(
            List.of(new V1PodCondition().type("Ready").status("True").lastTransitionTime(at)))
        .containerStatuses(
            List.of(
                new V1ContainerStatus()
                    .name("app")
                    .ready(true)
                    .restartCount(0)
                    .state(
                        new V1ContainerState()
                            .running(new V1ContainerStateRunning().startedAt(at)))));
  }

  @Test
  @DisplayName("statuses that differ only in timestamps are the same: no write")
  void timestampsIgnored() {
    OffsetDateTime t = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    assertThat(StatusComparison.same(running(t), running(t.plusSeconds(7)))).isTrue();
  }

  @Test
  @DisplayName("a changed phase, readiness, restart count or container state is a difference")
  void realChanges() {
    OffsetDateTime t = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    assertThat(StatusComparison.same(running(t), running(t).phase("Succeeded"))).isFalse();
    V1PodStatus notReady = running(t);
    notReady.getConditions().get(0).status("False");
    assertThat(StatusComparison.same(running(t), notReady)).isFalse();
    V1PodStatus restarted = running(t);
    restarted.getContainerStatuses().get(0).restartCount(1);
    assertThat(StatusComparison.same(running(t), restarted)).isFalse();
    V1PodStatus exited = running(t);
    exited
        .getContainerStatuses()
        .get(0)
        .state(
            new V1ContainerState()
                .terminated(new V1ContainerStateTerminated().exitCode(3).reason("Error")));
    assertThat(StatusComparison.same(running(t), exited)).isFalse();
  }

  @Test
  @DisplayName("no current status always differs")
  void nothingYet() {
    assertThat(StatusComparison.same(null, new V1PodStatus())).isFalse();
  }
}
