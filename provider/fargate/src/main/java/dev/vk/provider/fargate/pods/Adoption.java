package dev.vk.provider.fargate.pods;

import dev.vk.provider.fargate.ecs.TaskTags;
import dev.vk.provider.fargate.mapping.FileVolumes;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Rebuilds a pod from a task found in ECS (after a node restart, or a task this process did not
 * start): identity, restart policy, restart count and init containers come from the task's tags,
 * containers from the task. The node then adopts it (same UID) or deletes it as an orphan.
 */
final class Adoption {
  private Adoption() {}

  /**
   * The record, or empty when the task's tags do not say this node of this cluster owns it: a task
   * of another cluster or node (startedBy alone can clash: it derives from the node name) is never
   * adopted, so never stopped or replaced.
   */
  static Optional<PodRecord> record(Task task, String clusterId, String nodeName) {
    Map<String, String> tags = TaskTags.read(task);
    String uid = tags.get(TaskTags.POD_UID);
    if (uid == null
        || !clusterId.equals(tags.get(TaskTags.CLUSTER_ID))
        || !nodeName.equals(tags.get(TaskTags.NODE))) {
      return Optional.empty();
    }
    Set<String> inits = Set.of(tags.getOrDefault(TaskTags.INIT_CONTAINERS, "").split(","));
    List<V1Container> initContainers = new ArrayList<>();
    List<V1Container> containers = new ArrayList<>();
    for (Container c : task.containers()) {
      if (FileVolumes.HELPER.equals(c.name())) {
        continue; // the provider's own volume writer, not one of the pod's containers
      }
      V1Container container = new V1Container().name(c.name()).image(c.image());
      (inits.contains(c.name()) ? initContainers : containers).add(container);
    }
    // Keep init containers in the tag's order, which is the order they run in.
    List<String> order = Arrays.asList(tags.getOrDefault(TaskTags.INIT_CONTAINERS, "").split(","));
    initContainers.sort((a, b) -> order.indexOf(a.getName()) - order.indexOf(b.getName()));
    V1Pod pod =
        new V1Pod()
            .metadata(
                new V1ObjectMeta()
                    .uid(uid)
                    .namespace(tags.get(TaskTags.NAMESPACE))
                    .name(tags.get(TaskTags.POD_NAME)))
            .spec(
                new V1PodSpec()
                    .nodeName(tags.get(TaskTags.NODE))
                    .restartPolicy(tags.getOrDefault(TaskTags.RESTART_POLICY, "Always"))
                    .initContainers(initContainers.isEmpty() ? null : initContainers)
                    .containers(containers));
    int restarts = parse(tags.get(TaskTags.RESTARTS));
    return Optional.of(new PodRecord(pod, restarts));
  }

  private static int parse(String value) {
    try {
      return value == null ? 0 : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
