package dev.vk.provider.fargate.mapping;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Probe;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.model.HealthCheck;

/**
 * Turns an exec probe into the container's ECS health check. ECS allows one check per container:
 * the exec liveness probe when there is one, else the exec readiness probe. ECS only reports the
 * result (container {@code healthStatus}); it does not stop a standalone task whose container turns
 * UNHEALTHY, so the provider acts on it: a liveness check that turns UNHEALTHY stops the task (and
 * the restart policy decides what follows), a readiness check only decides Ready. HTTP, TCP and
 * gRPC probes have no ECS equivalent and are not mapped. Values are clamped to ECS's ranges.
 */
public final class HealthChecks {
  /** Which probe a container's health check comes from. */
  public enum Role {
    /** No health check. */
    NONE,
    /** The exec liveness probe: UNHEALTHY means the container must be restarted. */
    LIVENESS,
    /** The exec readiness probe (no exec liveness probe): UNHEALTHY only means not ready. */
    READINESS
  }

  private HealthChecks() {}

  /** Which probe becomes the container's health check, if any. */
  public static Role role(V1Container c) {
    if (isExec(c.getLivenessProbe())) {
      return Role.LIVENESS;
    }
    return isExec(c.getReadinessProbe()) ? Role.READINESS : Role.NONE;
  }

  static Optional<HealthCheck> of(V1Container c) {
    return switch (role(c)) {
      case LIVENESS -> Optional.of(check(c.getLivenessProbe()));
      case READINESS -> Optional.of(check(c.getReadinessProbe()));
      case NONE -> Optional.empty();
    };
  }

  private static boolean isExec(V1Probe probe) {
    return probe != null && probe.getExec() != null && probe.getExec().getCommand() != null;
  }

  private static HealthCheck check(V1Probe probe) {
    List<String> command = new ArrayList<>();
    command.add("CMD");
    command.addAll(probe.getExec().getCommand());
    return HealthCheck.builder()
        .command(command)
        .interval(clamp(probe.getPeriodSeconds(), 10, 5, 300))
        .timeout(clamp(probe.getTimeoutSeconds(), 1, 2, 60))
        .retries(clamp(probe.getFailureThreshold(), 3, 1, 10))
        .startPeriod(clamp(probe.getInitialDelaySeconds(), 0, 0, 300))
        .build();
  }

  private static int clamp(Integer value, int fallback, int min, int max) {
    int v = value == null ? fallback : value;
    return Math.max(min, Math.min(max, v));
  }
}
