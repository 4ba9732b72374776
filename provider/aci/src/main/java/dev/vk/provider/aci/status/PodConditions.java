package dev.vk.provider.aci.status;

import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1PodCondition;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/** The four pod conditions, from the phase and the container statuses. Pure. */
final class PodConditions {

  private PodConditions() {}

  static List<V1PodCondition> of(
      String phase,
      List<V1ContainerStatus> inits,
      List<V1ContainerStatus> containers,
      OffsetDateTime scheduled) {
    boolean initialized =
        inits.stream().allMatch(s -> s.getState() != null && s.getState().getTerminated() != null);
    boolean ready =
        "Running".equals(phase)
            && containers.stream().allMatch(s -> Boolean.TRUE.equals(s.getReady()));
    OffsetDateTime lastStart =
        containers.stream()
            .map(
                s ->
                    s.getState().getRunning() == null
                        ? null
                        : s.getState().getRunning().getStartedAt())
            .filter(Objects::nonNull)
            .max(OffsetDateTime::compareTo)
            .orElse(scheduled);
    boolean ended = "Succeeded".equals(phase) || "Failed".equals(phase);
    String notReady = ended ? "PodCompleted" : "ContainersNotReady";
    return List.of(
        condition("PodScheduled", true, null, scheduled),
        condition(
            "Initialized", initialized, initialized ? null : "ContainersNotInitialized", scheduled),
        condition("ContainersReady", ready, ready ? null : notReady, lastStart),
        condition("Ready", ready, ready ? null : notReady, lastStart));
  }

  private static V1PodCondition condition(
      String type, boolean status, String reason, OffsetDateTime at) {
    return new V1PodCondition()
        .type(type)
        .status(status ? "True" : "False")
        .reason(reason)
        .lastTransitionTime(at);
  }
}
