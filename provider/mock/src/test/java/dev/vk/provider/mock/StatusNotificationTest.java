package dev.vk.provider.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.provider.testkit.PodStatuses;
import dev.vk.provider.testkit.Pods;
import dev.vk.provider.testkit.TestingClock;
import io.kubernetes.client.openapi.models.V1ContainerStateTerminated;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the notifier pushes, and that it pushes each status change once. */
class StatusNotificationTest {

  private final TestingClock clock = new TestingClock();
  private final InMemoryProvider provider =
      new InMemoryProvider(Contexts.context("start-delay", "1s"), clock);
  private final Queue<V1Pod> pushed = new ConcurrentLinkedQueue<>();

  @AfterEach
  void close() {
    provider.close();
  }

  @Test
  @DisplayName("a tick pushes a pod only when its computed status changed since the last push")
  void pushesOnlyChanges() throws Exception {
    provider.createPod(Pods.pod("ns", "web"));
    StatusTicker ticker = new StatusTicker(this::pods, p -> p, pushed::add);

    ticker.tick();
    ticker.tick();
    clock.advance(Duration.ofMillis(500));
    ticker.tick();
    assertThat(phases()).containsExactly("Pending");

    clock.advance(Duration.ofMillis(500));
    ticker.tick();
    ticker.tick();
    assertThat(phases()).containsExactly("Pending", "Running");
  }

  @Test
  @DisplayName("the notifier thread pushes the Running status once start-delay has passed")
  void threadPushesRunning() throws Exception {
    provider.notifyPods(pushed::add);
    provider.createPod(Pods.pod("ns", "web"));

    clock.advance(Duration.ofSeconds(1));

    Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> pushed.stream().anyMatch(p -> PodStatuses.hasPhase(p, "Running")));
  }

  @Test
  @DisplayName(
      "deleting a pod pushes its final status: Succeeded, containers Completed with code 0")
  void deletePushesFinalStatus() throws Exception {
    provider.notifyPods(pushed::add);
    V1Pod pod = Pods.pod("ns", "web");
    provider.createPod(pod);
    clock.advance(Duration.ofSeconds(3));

    provider.deletePod(pod);

    V1Pod last = pushed.stream().reduce((a, b) -> b).orElseThrow();
    assertThat(last.getStatus().getPhase()).isEqualTo("Succeeded");
    V1ContainerStateTerminated terminated =
        last.getStatus().getContainerStatuses().get(0).getState().getTerminated();
    assertThat(terminated.getExitCode()).isZero();
    assertThat(terminated.getReason()).isEqualTo("Completed");
    assertThat(terminated.getFinishedAt().toInstant()).isEqualTo(clock.instant());
    assertThat(provider.getPod("ns", "web")).isEmpty();
  }

  private List<V1Pod> pods() {
    try {
      return provider.getPods();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private List<String> phases() {
    return pushed.stream().map(p -> p.getStatus().getPhase()).toList();
  }
}
