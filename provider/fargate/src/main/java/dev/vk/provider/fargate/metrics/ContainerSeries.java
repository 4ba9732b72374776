package dev.vk.provider.fargate.metrics;

import dev.vk.provider.fargate.pods.PodTask;
import dev.vk.provider.fargate.status.EcsStatus;
import io.kubernetes.client.openapi.models.V1Container;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Where one running container's usage lives in Container Insights with enhanced observability: the
 * dimensions {@code ClusterName, TaskDefinitionFamily, TaskId, ContainerName}.
 *
 * @param namespace the pod's namespace
 * @param pod the pod's name
 * @param container the container's name, the same in the pod and the task
 * @param cluster the ECS cluster's name (not its ARN)
 * @param family the task definition family
 * @param taskId the last part of the task ARN
 * @param startedAt when the task started running
 */
public record ContainerSeries(
    String namespace,
    String pod,
    String container,
    String cluster,
    String family,
    String taskId,
    Instant startedAt) {

  /** Identifies the container's run: a replacement task is a new series. */
  String key() {
    return taskId + "/" + container;
  }

  /**
   * The series of every running app container of every running task. Helper containers of the task
   * (volume writers) are not pod containers and are left out. Pure.
   */
  public static List<ContainerSeries> of(List<PodTask> pods) {
    List<ContainerSeries> out = new ArrayList<>();
    for (PodTask p : pods) {
      Task task = p.task();
      if (EcsStatus.of(task.lastStatus()) != EcsStatus.RUNNING || task.startedAt() == null) {
        continue;
      }
      Set<String> running =
          task.containers().stream()
              .filter(c -> EcsStatus.of(c.lastStatus()) == EcsStatus.RUNNING)
              .map(c -> c.name())
              .collect(Collectors.toSet());
      for (V1Container c : p.pod().getSpec().getContainers()) {
        if (running.contains(c.getName())) {
          out.add(
              new ContainerSeries(
                  p.pod().getMetadata().getNamespace(),
                  p.pod().getMetadata().getName(),
                  c.getName(),
                  afterLast(task.clusterArn(), '/'),
                  family(task.taskDefinitionArn()),
                  afterLast(task.taskArn(), '/'),
                  task.startedAt()));
        }
      }
    }
    return out;
  }

  /** {@code arn:aws:ecs:<region>:<account>:task-definition/<family>:<revision>} to the family. */
  static String family(String taskDefinitionArn) {
    String tail = afterLast(taskDefinitionArn, '/');
    int colon = tail.lastIndexOf(':');
    return colon < 0 ? tail : tail.substring(0, colon);
  }

  private static String afterLast(String arn, char separator) {
    return arn.substring(arn.lastIndexOf(separator) + 1);
  }
}
