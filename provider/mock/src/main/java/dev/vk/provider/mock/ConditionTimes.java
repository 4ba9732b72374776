package dev.vk.provider.mock;

import dev.vk.provider.status.PodConditions;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * When each pod condition took its status, derived from container times so that they stay stable
 * between calls (a changing timestamp would look like a status change to the notifier).
 */
final class ConditionTimes implements PodConditions.Since {
  private final Instant createdAt;
  private final List<V1ContainerStatus> inits;
  private final List<V1ContainerStatus> app;

  ConditionTimes(Instant createdAt, List<V1ContainerStatus> inits, List<V1ContainerStatus> app) {
    this.createdAt = createdAt;
    this.inits = inits;
    this.app = app;
  }

  @Override
  public OffsetDateTime of(String type, boolean status) {
    Instant at =
        switch (type) {
          case PodConditions.INITIALIZED -> status ? lastFinish(inits) : createdAt;
          case PodConditions.CONTAINERS_READY, PodConditions.READY ->
              status ? latestStart() : latestStop();
          default -> createdAt;
        };
    return ContainerStates.time(at);
  }

  /** The last init container's end; the pod creation without init containers. */
  private Instant lastFinish(List<V1ContainerStatus> statuses) {
    return statuses.stream()
        .map(s -> finishedAt(s.getState()))
        .filter(Objects::nonNull)
        .max(Instant::compareTo)
        .orElse(createdAt);
  }

  private Instant latestStart() {
    return app.stream()
        .map(s -> s.getState().getRunning())
        .filter(Objects::nonNull)
        .map(r -> r.getStartedAt().toInstant())
        .max(Instant::compareTo)
        .orElse(createdAt);
  }

  /** The last time a container stopped being ready: its (previous) run ended. */
  private Instant latestStop() {
    return app.stream()
        .filter(s -> !Boolean.TRUE.equals(s.getReady()))
        .map(
            s ->
                finishedAt(s.getState()) != null
                    ? finishedAt(s.getState())
                    : finishedAt(s.getLastState()))
        .filter(Objects::nonNull)
        .max(Instant::compareTo)
        .orElse(createdAt);
  }

  private static Instant finishedAt(V1ContainerState state) {
    return state == null || state.getTerminated() == null
        ? null
        : state.getTerminated().getFinishedAt().toInstant();
  }
}
