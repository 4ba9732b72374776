package dev.vk.emulator.aci.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GroupStateTest {

  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  private static final LifecycleSettings SETTINGS = LifecycleSettings.defaults();

  @Test
  @DisplayName("provisioning goes Pending, Creating, then Succeeded when the pull completes")
  void provisioningSequence() {
    assertThat(GroupState.provisioningState(T0, T0, SETTINGS)).isEqualTo("Pending");
    assertThat(GroupState.provisioningState(T0, T0.plusSeconds(1), SETTINGS)).isEqualTo("Creating");
    assertThat(GroupState.provisioningState(T0, T0.plusSeconds(2), SETTINGS))
        .isEqualTo("Succeeded");
  }

  @Test
  @DisplayName(
      "group state: Pending, Running while anything runs, then Succeeded or Failed by exit codes")
  void instanceState() {
    ContainerTimeline notStarted = new ContainerTimeline(List.of(), T0);
    ContainerTimeline running =
        new ContainerTimeline(List.of(new Attempt(T0, null, 0, false)), null);
    ContainerTimeline ok =
        new ContainerTimeline(List.of(new Attempt(T0, T0.plusSeconds(1), 0, false)), null);
    ContainerTimeline failed =
        new ContainerTimeline(List.of(new Attempt(T0, T0.plusSeconds(1), 3, false)), null);
    ContainerTimeline restarting =
        new ContainerTimeline(failed.attempts(), T0.plus(Duration.ofSeconds(5)));

    assertThat(GroupState.instanceState(List.of(notStarted))).isEqualTo("Pending");
    assertThat(GroupState.instanceState(List.of(ok, running))).isEqualTo("Running");
    assertThat(GroupState.instanceState(List.of(restarting))).isEqualTo("Running");
    assertThat(GroupState.instanceState(List.of(ok, ok))).isEqualTo("Succeeded");
    assertThat(GroupState.instanceState(List.of(ok, failed))).isEqualTo("Failed");
  }
}
