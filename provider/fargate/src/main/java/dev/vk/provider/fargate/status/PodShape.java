package dev.vk.provider.fargate.status;

import dev.vk.provider.fargate.mapping.HealthChecks;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1PodSpec;
import java.util.List;

/**
 * What the status mapping needs of a pod spec: container names and images, in order, what their ECS
 * health checks mean, and the restart policy.
 */
public record PodShape(List<Shape> initContainers, List<Shape> containers, String restartPolicy) {

  /**
   * One container as the spec says it.
   *
   * @param name container name
   * @param image image reference
   * @param liveness its health check is the liveness probe: UNHEALTHY means restart
   * @param readyWhenHealthy Ready needs the health check to be HEALTHY (the check is the readiness
   *     probe, or the liveness one standing in for a readiness probe ECS cannot run); otherwise
   *     Ready only needs it not to be UNHEALTHY
   */
  public record Shape(String name, String image, boolean liveness, boolean readyWhenHealthy) {
    /** A container without a health check. */
    public Shape(String name, String image) {
      this(name, image, false, false);
    }
  }

  public static PodShape of(V1PodSpec spec) {
    return new PodShape(
        shapes(spec.getInitContainers(), false),
        shapes(spec.getContainers(), true),
        spec.getRestartPolicy() == null ? "Always" : spec.getRestartPolicy());
  }

  /** Whether any app container has an ECS health check, whose status must be watched. */
  public boolean checksHealth() {
    return containers.stream().anyMatch(s -> s.liveness() || s.readyWhenHealthy());
  }

  private static List<Shape> shapes(List<V1Container> containers, boolean app) {
    return containers == null
        ? List.of()
        : containers.stream()
            .map(c -> app ? appShape(c) : new Shape(c.getName(), c.getImage()))
            .toList();
  }

  /** Only app containers get health checks (as the mapping does). */
  private static Shape appShape(V1Container c) {
    HealthChecks.Role role = HealthChecks.role(c);
    boolean liveness = role == HealthChecks.Role.LIVENESS;
    boolean readyWhenHealthy =
        role == HealthChecks.Role.READINESS || (liveness && c.getReadinessProbe() != null);
    return new Shape(c.getName(), c.getImage(), liveness, readyWhenHealthy);
  }
}
