package dev.vk.provider.fargate.ecs;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * The tags every task carries, so that a restarted node can rebuild its pods from ECS alone and
 * tell its tasks from other nodes' and other clusters'.
 */
public final class TaskTags {
  public static final String POD_UID = "vk.dev/pod-uid";
  public static final String NAMESPACE = "vk.dev/namespace";
  public static final String POD_NAME = "vk.dev/pod-name";
  public static final String NODE = "vk.dev/node";
  public static final String CLUSTER_ID = "vk.dev/cluster-id";
  public static final String RESTART_POLICY = "vk.dev/restart-policy";
  public static final String RESTARTS = "vk.dev/restarts";
  public static final String INIT_CONTAINERS = "vk.dev/init-containers";

  private TaskTags() {}

  /** The tags as RunTask wants them. */
  public static List<Tag> of(Map<String, String> values) {
    return values.entrySet().stream()
        .filter(e -> e.getValue() != null && !e.getValue().isEmpty())
        .map(e -> Tag.builder().key(e.getKey()).value(truncate(e.getValue())).build())
        .toList();
  }

  /** A task's tags (DescribeTasks with include=TAGS) as a map. */
  public static Map<String, String> read(Task task) {
    return toMap(task.tags());
  }

  /** Tags of any resource as a map. */
  public static Map<String, String> toMap(List<Tag> tags) {
    return tags.stream().collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> b));
  }

  public static Optional<String> get(Task task, String key) {
    return task.tags().stream().filter(t -> key.equals(t.key())).map(Tag::value).findFirst();
  }

  private static String truncate(String value) {
    return value.length() <= 256 ? value : value.substring(0, 256);
  }
}
