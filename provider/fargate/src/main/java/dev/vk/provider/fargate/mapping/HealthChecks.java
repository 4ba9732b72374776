package dev.vk.provider.fargate.mapping;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Probe;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.model.HealthCheck;

/**
 * Turns an exec liveness probe into an ECS health check (ECS stops the task when an essential
 * container turns UNHEALTHY, which is what a failing liveness probe means). HTTP, TCP and gRPC
 * probes have no ECS equivalent and are not mapped. Values are clamped to ECS's ranges.
 */
final class HealthChecks {
  private HealthChecks() {}

  static Optional<HealthCheck> fromLiveness(V1Container c) {
    V1Probe probe = c.getLivenessProbe();
    if (probe == null || probe.getExec() == null || probe.getExec().getCommand() == null) {
      return Optional.empty();
    }
    List<String> command = new ArrayList<>();
    command.add("CMD");
    command.addAll(probe.getExec().getCommand());
    return Optional.of(
        HealthCheck.builder()
            .command(command)
            .interval(clamp(probe.getPeriodSeconds(), 10, 5, 300))
            .timeout(clamp(probe.getTimeoutSeconds(), 1, 2, 60))
            .retries(clamp(probe.getFailureThreshold(), 3, 1, 10))
            .startPeriod(clamp(probe.getInitialDelaySeconds(), 0, 0, 300))
            .build());
  }

  private static int clamp(Integer value, int fallback, int min, int max) {
    int v = value == null ? fallback : value;
    return Math.max(min, Math.min(max, v));
  }
}
