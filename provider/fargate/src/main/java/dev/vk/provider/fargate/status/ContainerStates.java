package dev.vk.provider.fargate.status;

import dev.vk.provider.memory.SharedValues;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateRunning;
import io.kubernetes.client.openapi.models.V1ContainerStateTerminated;
import io.kubernetes.client.openapi.models.V1ContainerStateWaiting;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.HealthStatus;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * One ECS container as a Kubernetes container status. ECS container {@code lastStatus} PENDING is
 * waiting, RUNNING is running (ready only once the task is RUNNING, and then unless its health
 * check says UNHEALTHY, or only when it says HEALTHY if the check stands for a readiness probe),
 * STOPPED is terminated with the exit code; a container that never got an exit code could not start
 * and is reported with 128, like a runtime start error.
 */
final class ContainerStates {
  /** Exit code reported for a container that never ran (containerd's start-error convention). */
  static final int NEVER_RAN = 128;

  private ContainerStates() {}

  static V1ContainerStatus status(
      PodShape.Shape spec,
      Optional<Container> ecs,
      Task task,
      RestartHistory history,
      String waitingReason,
      Observations seen,
      Instant now) {
    V1ContainerStatus s =
        new V1ContainerStatus()
            .name(spec.name())
            .image(spec.image())
            .imageID(ecs.map(Container::imageDigest).orElse(""))
            .restartCount(history.restarts())
            .ready(false)
            .started(false);
    ecs.map(Container::runtimeId)
        .filter(id -> !id.isEmpty())
        .ifPresent(id -> s.containerID("ecs://" + id));
    V1ContainerStateTerminated last = history.lastTerminated().get(spec.name());
    if (last != null) {
      s.lastState(new V1ContainerState().terminated(last));
    }
    EcsStatus ecsStatus = ecs.map(c -> EcsStatus.of(c.lastStatus())).orElse(EcsStatus.PENDING);
    if (ecsStatus == EcsStatus.RUNNING) {
      Instant started = seen.first(spec.name() + "/running", now);
      HealthStatus health = ecs.get().healthStatus();
      boolean healthy =
          spec.readyWhenHealthy()
              ? health == HealthStatus.HEALTHY
              : health != HealthStatus.UNHEALTHY;
      s.state(
              new V1ContainerState()
                  .running(new V1ContainerStateRunning().startedAt(time(started))))
          .started(true)
          .ready(healthy && EcsStatus.of(task.lastStatus()) == EcsStatus.RUNNING);
    } else if (ecsStatus == EcsStatus.STOPPED) {
      s.state(new V1ContainerState().terminated(terminated(spec.name(), ecs.get(), seen, now)));
    } else {
      s.state(new V1ContainerState().waiting(new V1ContainerStateWaiting().reason(waitingReason)));
    }
    return s;
  }

  /** The terminated state of a stopped ECS container. Also used for lastState on restarts. */
  static V1ContainerStateTerminated terminated(
      String name, Container c, Observations seen, Instant now) {
    Instant finished = seen.first(name + "/stopped", now);
    Instant started = seen.first(name + "/running", finished);
    int exitCode = c.exitCode() == null ? NEVER_RAN : c.exitCode();
    return new V1ContainerStateTerminated()
        .exitCode(exitCode)
        .reason(reason(c, exitCode))
        .message(c.reason())
        .startedAt(time(started))
        .finishedAt(time(finished))
        .containerID(c.runtimeId() == null ? null : "ecs://" + c.runtimeId());
  }

  static String reason(Container c, int exitCode) {
    String ecsReason = c.reason() == null ? "" : c.reason();
    if (ecsReason.contains("OutOfMemoryError")) {
      return "OOMKilled";
    }
    if (c.exitCode() == null) {
      return ecsReason.contains("CannotPullContainerError") ? "ErrImagePull" : "StartError";
    }
    return exitCode == 0 ? "Completed" : "Error";
  }

  /** Held once (SharedValues): a pod's conditions and containers repeat the same few instants. */
  static OffsetDateTime time(Instant instant) {
    return instant == null ? null : SharedValues.TIMES.share(instant.atOffset(ZoneOffset.UTC));
  }

  static Optional<Container> find(Task task, String name) {
    return task == null
        ? Optional.empty()
        : task.containers().stream().filter(c -> name.equals(c.name())).findFirst();
  }

  /** Copies terminated states by container name, for the restart history. */
  static Map<String, V1ContainerStateTerminated> terminatedAll(
      Task task, Observations seen, Instant now) {
    Map<String, V1ContainerStateTerminated> out = new HashMap<>();
    for (Container c : task.containers()) {
      out.put(c.name(), terminated(c.name(), c, seen, now));
    }
    return out;
  }
}
