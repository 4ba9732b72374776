package dev.vk.provider.fargate.ecs;

import dev.vk.kubelet.types.ProviderException;
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
    return list(true);
  }

  /**
   * This node's stopped tasks that ECS still shows (for at least an hour), described, except {@code
   * skip}: for the startup adoption, pods whose task ended while the node was down. ECS wants
   * {@code startedBy} to be the only ListTasks filter, so the cluster's stopped tasks are listed
   * and this node's picked from their descriptions. Blocks; runs once per start.
   */
  public List<Task> stopped(Set<String> skip) throws ProviderException {
    Set<String> arns = list(false);
    arns.removeAll(skip);
    return describe(arns).stream().filter(t -> startedBy.equals(t.startedBy())).toList();
  }

  private Set<String> list(boolean running) throws ProviderException {
    Set<String> arns = new LinkedHashSet<>();
    String token = null;
    try {
      do {
        String next = token;
        ListTasksResponse page =
            ecs.listTasks(
                r -> {
                  r.cluster(cluster).maxResults(BATCH).nextToken(next);
                  if (running) {
                    r.startedBy(startedBy); // desired status RUNNING is ECS's default
                  } else {
                    r.desiredStatus(DesiredStatus.STOPPED);
                  }
                });
        arns.addAll(page.taskArns());
        token = page.nextToken();
      } while (token != null && !token.isEmpty());
    } catch (SdkException e) {
      throw EcsErrors.classify(
          running ? "ListTasks startedBy " + startedBy : "ListTasks desiredStatus STOPPED", e);
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
