package dev.vk.provider.fargate.pods;

import io.kubernetes.client.openapi.models.V1Pod;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * A pod and the last seen state of its current ECS task.
 *
 * @param pod the pod as the node last gave it (spec and metadata)
 * @param task the task as the last DescribeTasks or ListTasks round saw it
 */
public record PodTask(V1Pod pod, Task task) {}
