package dev.vk.provider.fargate.status;

import java.util.Optional;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.HealthStatus;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Whether a task must be stopped because a liveness probe failed. ECS only marks a container
 * UNHEALTHY (it replaces unhealthy tasks of services, never a standalone task), so the provider
 * does what a kubelet does: a running container whose health check is its liveness probe and that
 * ECS reports UNHEALTHY gets its task stopped, and the pod's restart policy decides what follows. A
 * health check standing for a readiness probe never stops anything.
 */
public final class LivenessFailures {
  private LivenessFailures() {}

  /**
   * The first app container whose liveness check failed, while the task still runs and is meant to;
   * empty otherwise.
   */
  public static Optional<String> failedContainer(PodShape shape, Task task) {
    if (task == null
        || EcsStatus.of(task.desiredStatus()) != EcsStatus.RUNNING
        || EcsStatus.of(task.lastStatus()) == EcsStatus.STOPPED) {
      return Optional.empty();
    }
    for (PodShape.Shape spec : shape.containers()) {
      if (!spec.liveness()) {
        continue;
      }
      Optional<Container> ecs = ContainerStates.find(task, spec.name());
      if (ecs.isPresent()
          && EcsStatus.of(ecs.get().lastStatus()) == EcsStatus.RUNNING
          && ecs.get().healthStatus() == HealthStatus.UNHEALTHY) {
        return Optional.of(spec.name());
      }
    }
    return Optional.empty();
  }

  /** The StopTask reason, pod message and event text for a failed liveness probe. */
  public static String message(String container) {
    return "Liveness probe failed: container " + container + " is unhealthy (ECS health check)";
  }
}
