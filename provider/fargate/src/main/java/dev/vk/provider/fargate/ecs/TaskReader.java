package dev.vk.provider.fargate.ecs;

import dev.vk.provider.ProviderException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.ListTasksResponse;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskField;

/**
 * Reads this node's tasks in bulk: ListTasks filtered by {@code startedBy} (100 ARNs a page) and
 * DescribeTasks 100 tasks a call, so reading N tasks costs ceil(N/100) calls, never one per pod.
 */
public final class TaskReader {
  /** ECS's limit for DescribeTasks and ListTasks pages. */
  public static final int BATCH = 100;

  private final EcsClient ecs;
  private final String cluster;
  private final String startedBy;

  public TaskReader(EcsClient ecs, String cluster, String startedBy) {
    this.ecs = ecs;
    this.cluster = cluster;
    this.startedBy = startedBy;
  }

  /**
   * ARNs of this node's tasks whose desired status is RUNNING (ECS's default, so startedBy stays
   * the only filter, as ECS requires). Blocks; ceil(N/100) calls.
   */
  public Set<String> listRunning() throws ProviderException {
    return list(DesiredStatus.RUNNING);
  }

  /**
   * ARNs of this node's stopped tasks ECS still shows (it keeps them for at least an hour), for the
   * startup reconciliation: pods whose task ended while the node was down. Blocks.
   */
  public Set<String> listStopped() throws ProviderException {
    return list(DesiredStatus.STOPPED);
  }

  private Set<String> list(DesiredStatus desired) throws ProviderException {
    Set<String> arns = new LinkedHashSet<>();
    String token = null;
    try {
      do {
        String next = token;
        ListTasksResponse page =
            ecs.listTasks(
                r ->
                    r.cluster(cluster)
                        .startedBy(startedBy)
                        .desiredStatus(desired)
                        .maxResults(BATCH)
                        .nextToken(next));
        arns.addAll(page.taskArns());
        token = page.nextToken();
      } while (token != null && !token.isEmpty());
    } catch (SdkException e) {
      throw EcsErrors.classify("ListTasks " + desired + " startedBy " + startedBy, e);
    }
    return arns;
  }

  /** Describes tasks with their tags, 100 per call; unknown ARNs are left out. Blocks. */
  public List<Task> describe(Collection<String> arns) throws ProviderException {
    List<String> all = new ArrayList<>(arns);
    List<Task> tasks = new ArrayList<>();
    for (int i = 0; i < all.size(); i += BATCH) {
      List<String> batch = all.subList(i, Math.min(all.size(), i + BATCH));
      try {
        tasks.addAll(
            ecs.describeTasks(r -> r.cluster(cluster).tasks(batch).include(TaskField.TAGS))
                .tasks());
      } catch (SdkException e) {
        throw EcsErrors.classify("DescribeTasks", e);
      }
    }
    return tasks;
  }
}
