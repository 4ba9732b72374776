package dev.vk.emulator.aci.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ContainerInstanceViewTest {

  private static final Instant PULL = Instant.parse("2025-01-01T00:00:00Z");
  private static final Instant START = PULL.plusSeconds(2);
  private static final LifecycleSettings SETTINGS =
      new LifecycleSettings(
          Duration.ofSeconds(2),
          Duration.ofSeconds(1),
          Duration.ofSeconds(10),
          Duration.ofMinutes(5),
          100);

  private static ContainerInstanceView view(
      Behaviour behaviour, RestartPolicy policy, Instant now) {
    ContainerTimeline timeline =
        ContainerTimeline.compute(behaviour, policy, START, List.of(), now, SETTINGS);
    return ContainerInstanceView.of("busybox", PULL, now, timeline);
  }

  @Test
  @DisplayName("while the image pulls: Waiting without a start time, one Pulling event")
  void waitingWhilePulling() {
    ContainerInstanceView view =
        view(Behaviour.tickerBehaviour(), RestartPolicy.ALWAYS, PULL.plusSeconds(1));
    assertThat(view.currentState().state()).isEqualTo("Waiting");
    assertThat(view.currentState().startTime()).isNull();
    assertThat(view.events()).extracting(Event::name).containsExactly("Pulling");
  }

  @Test
  @DisplayName("running: Running since the start, Pulled and Started events")
  void running() {
    ContainerInstanceView view =
        view(Behaviour.tickerBehaviour(), RestartPolicy.ALWAYS, START.plusSeconds(5));
    assertThat(view.currentState()).isEqualTo(new ContainerState("Running", START, null, null, ""));
    assertThat(view.previousState()).isNull();
    assertThat(view.events())
        .extracting(Event::name)
        .containsExactly("Pulling", "Pulled", "Started");
  }

  @Test
  @DisplayName("between restarts: Waiting in CrashLoopBackOff, the exit in previousState")
  void backingOff() {
    Behaviour exit2 = Behaviour.script(List.of(new Behaviour.Exit(2)));
    ContainerInstanceView view = view(exit2, RestartPolicy.ALWAYS, START.plusSeconds(5));
    assertThat(view.currentState().state()).isEqualTo("Waiting");
    assertThat(view.currentState().detailStatus()).startsWith("CrashLoopBackOff");
    assertThat(view.previousState())
        .isEqualTo(new ContainerState("Terminated", START, 2, START.plusSeconds(1), "Error"));
    assertThat(view.restartCount()).isZero();
  }

  @Test
  @DisplayName("after restarts: restartCount and the folded Started event count every start")
  void restartsAreCounted() {
    Behaviour exit0 = Behaviour.script(List.of(new Behaviour.Exit(0)));
    ContainerInstanceView view = view(exit0, RestartPolicy.ALWAYS, START.plusMillis(11_500));
    assertThat(view.restartCount()).isEqualTo(1);
    assertThat(view.currentState().state()).isEqualTo("Running");
    assertThat(view.previousState().detailStatus()).isEqualTo("Completed");
    Event started =
        view.events().stream().filter(e -> e.name().equals("Started")).findFirst().orElseThrow();
    assertThat(started.count()).isEqualTo(2);
    assertThat(started.firstTimestamp()).isEqualTo(START);
    assertThat(started.lastTimestamp()).isEqualTo(START.plusSeconds(11));
  }
}
