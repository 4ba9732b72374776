package dev.vk.emulator.aci.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ContainerTimelineTest {

  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  private static final LifecycleSettings SETTINGS =
      new LifecycleSettings(
          Duration.ofSeconds(2),
          Duration.ofSeconds(1),
          Duration.ofSeconds(10),
          Duration.ofSeconds(40),
          100);

  private static ContainerTimeline at(
      String script, RestartPolicy policy, long seconds, Kill... kills) {
    Behaviour behaviour = BehaviourParser.parse(List.of("sh", "-c", script), Map.of());
    return ContainerTimeline.compute(
        behaviour, policy, T0, List.of(kills), T0.plusSeconds(seconds), SETTINGS);
  }

  @Test
  @DisplayName("nothing has run before the first start")
  void noAttemptBeforeStart() {
    ContainerTimeline timeline =
        ContainerTimeline.compute(
            Behaviour.tickerBehaviour(),
            RestartPolicy.ALWAYS,
            T0,
            List.of(),
            T0.minusMillis(1),
            SETTINGS);
    assertThat(timeline.current()).isNull();
    assertThat(timeline.finished()).isFalse();
  }

  @Test
  @DisplayName("Never: `exit 3` runs for the minimum run time, then stays terminated with 3")
  void neverRestartsAfterExit() {
    assertThat(at("exit 3", RestartPolicy.NEVER, 0).current().running()).isTrue();
    ContainerTimeline later = at("exit 3", RestartPolicy.NEVER, 100);
    assertThat(later.attempts()).hasSize(1);
    assertThat(later.current().exitCode()).isEqualTo(3);
    assertThat(later.current().end()).isEqualTo(T0.plusSeconds(1));
    assertThat(later.finished()).isTrue();
  }

  @Test
  @DisplayName("OnFailure: a zero exit is final, a non-zero exit restarts after the backoff")
  void onFailureRestartsOnlyFailures() {
    assertThat(at("sleep 2", RestartPolicy.ON_FAILURE, 100).finished()).isTrue();
    ContainerTimeline failing = at("sleep 2; exit 1", RestartPolicy.ON_FAILURE, 13);
    assertThat(failing.attempts()).hasSize(2);
    assertThat(failing.attempts().get(1).start()).isEqualTo(T0.plusSeconds(12));
    assertThat(failing.restartCount()).isEqualTo(1);
  }

  @Test
  @DisplayName("Always: even a clean exit restarts, with doubling backoff capped at the maximum")
  void alwaysRestartsWithDoublingBackoff() {
    ContainerTimeline timeline = at("exit 0", RestartPolicy.ALWAYS, 200);
    List<Instant> starts = timeline.attempts().stream().map(Attempt::start).toList();
    // run 1 s, then wait 10, 20, 40, 40 ... seconds
    assertThat(starts)
        .startsWith(
            T0, T0.plusSeconds(11), T0.plusSeconds(32), T0.plusSeconds(73), T0.plusSeconds(114));
    assertThat(timeline.finished()).isFalse();
  }

  @Test
  @DisplayName("an out-of-band kill ends the running attempt with its exit code")
  void killEndsTheRunningAttempt() {
    Kill kill = new Kill(T0.plusSeconds(5), 137);
    ContainerTimeline never = at("sleep infinity", RestartPolicy.NEVER, 60, kill);
    assertThat(never.current()).isEqualTo(new Attempt(T0, T0.plusSeconds(5), 137, true));
    ContainerTimeline always = at("sleep infinity", RestartPolicy.ALWAYS, 60, kill);
    assertThat(always.current().running()).isTrue();
    assertThat(always.current().start()).isEqualTo(T0.plusSeconds(15));
  }

  @Test
  @DisplayName("a kill while the container waits to restart changes nothing")
  void killDuringBackoffIsIgnored() {
    ContainerTimeline timeline =
        at("exit 1", RestartPolicy.ALWAYS, 20, new Kill(T0.plusSeconds(5), 9));
    assertThat(timeline.attempts()).extracting(Attempt::exitCode).containsExactly(1, 1);
    assertThat(timeline.attempts()).noneMatch(Attempt::killed);
  }
}
