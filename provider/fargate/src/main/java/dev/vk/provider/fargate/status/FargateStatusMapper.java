package dev.vk.provider.fargate.status;

import dev.vk.provider.status.PodConditions;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1PodIP;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ecs.model.Attachment;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.NetworkInterface;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Computes a pod's status from its current ECS task and its restart history: phase ({@link
 * PodPhases}), the four conditions ({@link PodConditions}), init and app container states, pod IP
 * from the task's ENI, and for a stopped task the stop code as reason and ECS's stoppedReason as
 * message. Pure apart from {@link Observations}, which the caller owns.
 */
public final class FargateStatusMapper {
  /** The ENI attachment detail that is the pod IP. */
  public static final String POD_IP_DETAIL = "privateIPv4Address";

  /** Stop codes that are ordinary ends of a pod rather than something to surface as its reason. */
  private static final Set<String> ORDINARY_STOPS =
      Set.of("EssentialContainerExited", "UserInitiated");

  private FargateStatusMapper() {}

  public static V1PodStatus map(
      PodShape shape, Task task, RestartHistory history, Observations seen, Instant now) {
    String phase = PodPhases.phase(task, history);
    boolean initialized = initialized(shape, task);
    List<V1ContainerStatus> inits =
        shape.initContainers().stream()
            .map(c -> container(c, task, history, "PodInitializing", seen, now))
            .toList();
    String appWaiting =
        history.replacing()
            ? "CrashLoopBackOff"
            : initialized ? "ContainerCreating" : "PodInitializing";
    List<V1ContainerStatus> apps =
        shape.containers().stream()
            .map(c -> container(c, task, history, appWaiting, seen, now))
            .toList();
    boolean ready =
        !apps.isEmpty() && apps.stream().allMatch(s -> Boolean.TRUE.equals(s.getReady()));
    V1PodStatus status =
        new V1PodStatus()
            .phase(phase)
            .initContainerStatuses(inits.isEmpty() ? null : inits)
            .containerStatuses(apps)
            .conditions(
                PodConditions.of(
                    phase,
                    initialized ? List.of() : PodConditions.notDone(inits),
                    PodConditions.unready(apps),
                    ready,
                    (type, value) ->
                        ContainerStates.time(
                            seen.first(
                                "condition/" + type + "/" + (value ? "True" : "False"), now))));
    if (task != null) {
      status.startTime(ContainerStates.time(task.createdAt()));
      podIp(task).ifPresent(ip -> status.podIP(ip).podIPs(List.of(new V1PodIP().ip(ip))));
      if (EcsStatus.of(task.lastStatus()) == EcsStatus.STOPPED && !history.replacing()) {
        String code = task.stopCodeAsString();
        if (code != null && !ORDINARY_STOPS.contains(code)) {
          status.reason(code);
        }
        status.message(task.stoppedReason());
      }
    }
    return status;
  }

  private static V1ContainerStatus container(
      PodShape.Shape shape,
      Task task,
      RestartHistory history,
      String waiting,
      Observations seen,
      Instant now) {
    Optional<Container> ecs =
        history.replacing() ? Optional.empty() : ContainerStates.find(task, shape.name());
    return ContainerStates.status(shape, ecs, task, history, waiting, seen, now);
  }

  /** Init containers are done when each one stopped with exit code 0 (or the task is RUNNING). */
  private static boolean initialized(PodShape shape, Task task) {
    if (shape.initContainers().isEmpty()
        || (task != null && EcsStatus.of(task.lastStatus()) == EcsStatus.RUNNING)) {
      return true;
    }
    return shape.initContainers().stream()
        .map(c -> ContainerStates.find(task, c.name()))
        .allMatch(
            c ->
                c.isPresent()
                    && EcsStatus.of(c.get().lastStatus()) == EcsStatus.STOPPED
                    && Integer.valueOf(0).equals(c.get().exitCode()));
  }

  /** The task ENI's private IPv4 address (attachment detail), else a container's interface. */
  public static Optional<String> podIp(Task task) {
    for (Attachment a : task.attachments()) {
      for (KeyValuePair d : a.details()) {
        if (POD_IP_DETAIL.equals(d.name()) && d.value() != null && !d.value().isEmpty()) {
          return Optional.of(d.value());
        }
      }
    }
    return task.containers().stream()
        .flatMap(c -> c.networkInterfaces().stream())
        .map(NetworkInterface::privateIpv4Address)
        .filter(ip -> ip != null && !ip.isEmpty())
        .findFirst();
  }
}
