package dev.vk.provider.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.util.List;
import java.util.Optional;

/** Null-safe lookups in a pod's status, so that assertions read as the behaviour they check. */
public final class PodStatuses {

  private PodStatuses() {}

  /** The phase, or empty when the provider reported no status yet. */
  public static Optional<String> phase(V1Pod pod) {
    return status(pod).map(V1PodStatus::getPhase);
  }

  /** Whether the pod has reached {@code phase}. */
  public static boolean hasPhase(V1Pod pod, String phase) {
    return phase(pod).filter(phase::equals).isPresent();
  }

  /** Whether the pod ended (Succeeded or Failed). */
  public static boolean isTerminal(V1Pod pod) {
    return hasPhase(pod, "Succeeded") || hasPhase(pod, "Failed");
  }

  /** The condition of that type, if reported. */
  public static Optional<V1PodCondition> condition(V1Pod pod, String type) {
    return status(pod).map(V1PodStatus::getConditions).orElse(List.of()).stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst();
  }

  /** Whether the condition of that type is reported with status True. */
  public static boolean isTrue(V1Pod pod, String conditionType) {
    return condition(pod, conditionType).filter(c -> "True".equals(c.getStatus())).isPresent();
  }

  /** The status of the app container with that name. */
  public static Optional<V1ContainerStatus> container(V1Pod pod, String name) {
    return find(status(pod).map(V1PodStatus::getContainerStatuses), name);
  }

  /** The status of the init container with that name. */
  public static Optional<V1ContainerStatus> initContainer(V1Pod pod, String name) {
    return find(status(pod).map(V1PodStatus::getInitContainerStatuses), name);
  }

  /** The restart count of the app container with that name, 0 when unreported. */
  public static int restartCount(V1Pod pod, String name) {
    return container(pod, name).map(V1ContainerStatus::getRestartCount).orElse(0);
  }

  /**
   * Asserts that {@code after} reports the Running, Ready pod {@code before} no less completely:
   * Running and Ready, each container still running, no restart count lower. A status rebuilt from
   * partial data (a listing without per-pod state) fails it.
   */
  public static void assertNoLessComplete(V1Pod before, V1Pod after, String what) {
    assertThat(phase(after)).as("%s: phase of %s", what, after.getStatus()).contains("Running");
    assertThat(isTrue(after, "Ready")).as("%s: Ready of %s", what, after.getStatus()).isTrue();
    for (V1ContainerStatus was : before.getStatus().getContainerStatuses()) {
      V1ContainerStatus now =
          container(after, was.getName())
              .orElseThrow(() -> new AssertionError(what + ": no status of " + was.getName()));
      assertThat(now.getState().getRunning()).as("%s: %s running", what, was.getName()).isNotNull();
      assertThat(Optional.ofNullable(now.getRestartCount()).orElse(0))
          .as("%s: restarts of %s", what, was.getName())
          .isGreaterThanOrEqualTo(Optional.ofNullable(was.getRestartCount()).orElse(0));
    }
  }

  private static Optional<V1PodStatus> status(V1Pod pod) {
    return Optional.ofNullable(pod.getStatus());
  }

  private static Optional<V1ContainerStatus> find(
      Optional<List<V1ContainerStatus>> statuses, String name) {
    return statuses.orElse(List.of()).stream().filter(s -> name.equals(s.getName())).findFirst();
  }
}
