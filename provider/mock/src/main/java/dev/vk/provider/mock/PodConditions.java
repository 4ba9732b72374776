package dev.vk.provider.mock;

import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1PodCondition;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The four pod conditions, with lastTransitionTime derived from container times so that they stay
 * stable between calls (a changing timestamp would look like a status change to the notifier).
 */
final class PodConditions {

  private PodConditions() {}

  /**
   * @param initializedAt when the init containers finished, or null while they run
   * @param phase the phase already computed from the container statuses
   */
  static List<V1PodCondition> of(
      Instant createdAt, Instant initializedAt, List<V1ContainerStatus> app, String phase) {
    List<String> unready =
        app.stream().filter(s -> !Boolean.TRUE.equals(s.getReady())).map(s -> s.getName()).toList();
    V1PodCondition containersReady;
    if (unready.isEmpty()) {
      containersReady = condition("ContainersReady", latestStart(app, createdAt));
    } else {
      String reason = "Succeeded".equals(phase) ? "PodCompleted" : "ContainersNotReady";
      containersReady =
          condition("ContainersReady", latestStop(app, createdAt))
              .status("False")
              .reason(reason)
              .message("containers with unready status: [" + String.join(" ", unready) + "]");
    }
    V1PodCondition initialized =
        initializedAt != null
            ? condition("Initialized", initializedAt)
            : condition("Initialized", createdAt)
                .status("False")
                .reason("ContainersNotInitialized");
    V1PodCondition ready =
        condition("Ready", containersReady.getLastTransitionTime().toInstant())
            .status(containersReady.getStatus())
            .reason(containersReady.getReason())
            .message(containersReady.getMessage());
    return List.of(condition("PodScheduled", createdAt), initialized, containersReady, ready);
  }

  private static V1PodCondition condition(String type, Instant since) {
    return new V1PodCondition()
        .type(type)
        .status("True")
        .lastTransitionTime(ContainerStates.time(since));
  }

  private static Instant latestStart(List<V1ContainerStatus> app, Instant fallback) {
    return app.stream()
        .map(s -> s.getState().getRunning())
        .filter(Objects::nonNull)
        .map(r -> r.getStartedAt().toInstant())
        .max(Instant::compareTo)
        .orElse(fallback);
  }

  /** The last time a container stopped being ready: its (previous) run ended. */
  private static Instant latestStop(List<V1ContainerStatus> app, Instant fallback) {
    return app.stream()
        .filter(s -> !Boolean.TRUE.equals(s.getReady()))
        .map(
            s ->
                finishedAt(s.getState()) != null
                    ? finishedAt(s.getState())
                    : finishedAt(s.getLastState()))
        .filter(Objects::nonNull)
        .max(Instant::compareTo)
        .orElse(fallback);
  }

  private static Instant finishedAt(V1ContainerState state) {
    return state == null || state.getTerminated() == null
        ? null
        : state.getTerminated().getFinishedAt().toInstant();
  }
}
