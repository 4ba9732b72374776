package dev.vk.provider.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.provider.testkit.PodStatuses;
import dev.vk.provider.testkit.Pods;
import dev.vk.provider.testkit.TestingClock;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateTerminated;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Containers as a function of time: driven by a hand-moved clock, never by waiting. */
class PodTimelineTest {

  private final TestingClock clock = new TestingClock();
  private final Instant t0 = clock.instant();
  private final InMemoryProvider provider =
      new InMemoryProvider(Contexts.context("start-delay", "2s"), clock);

  @Test
  @DisplayName("a pod is Pending with ContainerCreating until start-delay has passed, then Running")
  void pendingUntilStartDelay() throws Exception {
    V1Pod pod = create(Pods.pod("ns", "web"));

    clock.advance(Duration.ofMillis(1999));
    V1Pod pending = current(pod);
    assertThat(pending.getStatus().getPhase()).isEqualTo("Pending");
    assertThat(main(pending).getState().getWaiting().getReason()).isEqualTo("ContainerCreating");
    assertThat(pending.getStatus().getPodIP()).isNull();

    clock.advance(Duration.ofMillis(1));
    V1Pod running = current(pod);
    assertThat(running.getStatus().getPhase()).isEqualTo("Running");
    assertThat(main(running).getState().getRunning().getStartedAt().toInstant())
        .isEqualTo(t0.plusSeconds(2));
    assertThat(PodStatuses.condition(running, "Ready").orElseThrow().getLastTransitionTime())
        .isEqualTo(main(running).getState().getRunning().getStartedAt());
  }

  @Test
  @DisplayName("under restartPolicy Never the main container exits at exit-after with its code")
  void exitsWithAnnotatedCode() throws Exception {
    V1Pod pod = create(exiting("Never", "5s", "3"));

    clock.advance(Duration.ofMillis(6999));
    assertThat(current(pod).getStatus().getPhase()).isEqualTo("Running");

    clock.advance(Duration.ofMillis(1));
    V1Pod failed = current(pod);
    assertThat(failed.getStatus().getPhase()).isEqualTo("Failed");
    V1ContainerStateTerminated terminated = main(failed).getState().getTerminated();
    assertThat(terminated.getExitCode()).isEqualTo(3);
    assertThat(terminated.getReason()).isEqualTo("Error");
    assertThat(terminated.getStartedAt().toInstant()).isEqualTo(t0.plusSeconds(2));
    assertThat(terminated.getFinishedAt().toInstant()).isEqualTo(t0.plusSeconds(7));
    assertThat(PodStatuses.isTrue(failed, "Ready")).isFalse();
  }

  @Test
  @DisplayName("under restartPolicy OnFailure a container exiting 0 completes and is not restarted")
  void onFailureExitZeroCompletes() throws Exception {
    V1Pod pod = create(exiting("OnFailure", "1s", "0"));

    clock.advance(Duration.ofMinutes(10));

    V1Pod done = current(pod);
    assertThat(done.getStatus().getPhase()).isEqualTo("Succeeded");
    assertThat(main(done).getState().getTerminated().getReason()).isEqualTo("Completed");
    assertThat(main(done).getRestartCount()).isZero();
  }

  @Test
  @DisplayName(
      "under restartPolicy Always restartCount counts completed runs, lastState the last one")
  void alwaysRestarts() throws Exception {
    V1Pod pod = create(exiting("Always", "1s", "1"));
    Instant start = t0.plusSeconds(2); // each cycle: 1s run + 500ms restart delay

    clock.advance(Duration.ofMillis(2000 + 1200));
    V1ContainerStatus backOff = main(current(pod));
    assertThat(backOff.getState().getWaiting().getReason()).isEqualTo("CrashLoopBackOff");
    assertThat(backOff.getRestartCount()).isZero();
    assertThat(backOff.getLastState().getTerminated().getExitCode()).isEqualTo(1);

    clock.advance(Duration.ofMillis(3500)); // 4.7s after start: 200ms into run 3
    V1Pod restarted = current(pod);
    V1ContainerStatus running = main(restarted);
    assertThat(restarted.getStatus().getPhase()).isEqualTo("Running");
    assertThat(running.getRestartCount()).isEqualTo(3);
    assertThat(running.getState().getRunning().getStartedAt().toInstant())
        .isEqualTo(t0.plusSeconds(6)); // run 3 starts at 6.5s; times are whole seconds
    assertThat(running.getLastState().getTerminated().getFinishedAt().toInstant())
        .isEqualTo(start.plusMillis(2 * 1500 + 1000));
  }

  @Test
  @DisplayName("init containers run one after another for init-duration before the app starts")
  void initContainersRunInOrder() throws Exception {
    V1Pod template = Pods.pod("ns", "init");
    template.getSpec().addInitContainersItem(Pods.container("first"));
    template.getSpec().addInitContainersItem(Pods.container("second"));
    template.getMetadata().putAnnotationsItem("mock.vk.dev/init-duration", "1s");
    V1Pod pod = create(template);

    clock.advance(Duration.ofMillis(2500));
    V1Pod initializing = current(pod);
    assertThat(initializing.getStatus().getPhase()).isEqualTo("Pending");
    assertThat(PodStatuses.isTrue(initializing, "Initialized")).isFalse();
    assertThat(
            PodStatuses.initContainer(initializing, "first").orElseThrow().getState().getRunning())
        .isNotNull();
    assertThat(main(initializing).getState().getWaiting().getReason()).isEqualTo("PodInitializing");

    clock.advance(Duration.ofMillis(1500));
    V1Pod running = current(pod);
    assertThat(running.getStatus().getPhase()).isEqualTo("Running");
    V1ContainerState second = PodStatuses.initContainer(running, "second").orElseThrow().getState();
    assertThat(second.getTerminated().getReason()).isEqualTo("Completed");
    assertThat(second.getTerminated().getFinishedAt().toInstant()).isEqualTo(t0.plusSeconds(4));
    assertThat(main(running).getState().getRunning().getStartedAt().toInstant())
        .isEqualTo(t0.plusSeconds(4));
  }

  private V1Pod exiting(String restartPolicy, String after, String code) {
    V1Pod pod = Pods.pod("ns", "job");
    pod.getSpec().setRestartPolicy(restartPolicy);
    pod.getMetadata()
        .putAnnotationsItem("mock.vk.dev/exit-after", after)
        .putAnnotationsItem("mock.vk.dev/exit-code", code);
    return pod;
  }

  private V1Pod create(V1Pod pod) throws Exception {
    provider.createPod(pod);
    return pod;
  }

  private V1Pod current(V1Pod pod) throws Exception {
    return provider
        .getPod(pod.getMetadata().getNamespace(), pod.getMetadata().getName())
        .orElseThrow();
  }

  private static V1ContainerStatus main(V1Pod pod) {
    return pod.getStatus().getContainerStatuses().get(0);
  }
}
