package dev.vk.provider.fargate.status;

import io.kubernetes.client.openapi.models.V1ContainerStateTerminated;
import java.util.Map;

/**
 * What earlier tasks of the pod left behind: how many replacements ran and how each container ended
 * last time (reported as {@code lastState.terminated}).
 *
 * @param restarts tasks launched after the first; ECS restarts the whole task, so every container
 *     of the pod counts the same restarts
 * @param lastTerminated the previous task's terminated states by container name
 * @param replacing a replacement is due (the previous task stopped and the policy restarts it)
 */
public record RestartHistory(
    int restarts, Map<String, V1ContainerStateTerminated> lastTerminated, boolean replacing) {
  public static final RestartHistory NONE = new RestartHistory(0, Map.of(), false);
}
