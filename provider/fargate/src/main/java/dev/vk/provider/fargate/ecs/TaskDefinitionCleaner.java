package dev.vk.provider.fargate.ecs;

import dev.vk.kubelet.types.ProviderException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionsResponse;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;

/**
 * Deregisters the task definitions this node registered that no pod uses any more (a Deployment
 * rolled to a new spec, or was deleted), so revisions do not pile up in the account. A family is
 * stale when no live task runs it and nothing resolved it since the previous sweep (a create may be
 * between resolving and RunTask; if it loses that race anyway, RunTask's INACTIVE answer makes the
 * launcher register the family again). Costs one ListTaskDefinitions page per 100 ACTIVE revisions,
 * plus one DescribeTaskDefinition and one DeregisterTaskDefinition per stale revision.
 */
public final class TaskDefinitionCleaner {
  private static final Logger log = LoggerFactory.getLogger(TaskDefinitionCleaner.class);
  private final EcsClient ecs;
  private final TaskDefinitionRegistry registry;
  private final String familyPrefix;
  // Another node's revisions can share the prefix ("vk-a-" is a prefix of "vk-a-b-"): once seen
  // through their tags they are never described again.
  private final Set<String> notOurs = ConcurrentHashMap.newKeySet();

  public TaskDefinitionCleaner(EcsClient ecs, TaskDefinitionRegistry registry, String prefix) {
    this.ecs = ecs;
    this.registry = registry;
    this.familyPrefix = prefix;
  }

  /**
   * One sweep. Blocks on ECS; safe to repeat.
   *
   * @param inUse the families of the tasks this node's pods run now
   * @return how many revisions were deregistered
   */
  public int sweep(Set<String> inUse) throws ProviderException {
    Set<String> recent = registry.drainTouched();
    int removed = 0;
    String token = null;
    do {
      ListTaskDefinitionsResponse page = list(token);
      for (String arn : page.taskDefinitionArns()) {
        String family = familyOf(arn);
        if (!inUse.contains(family) && !recent.contains(family) && !notOurs.contains(arn)) {
          if (deregisterIfOurs(arn, family)) {
            removed++;
          }
        }
      }
      token = page.nextToken();
    } while (token != null);
    return removed;
  }

  /** {@code arn:aws:ecs:<region>:<account>:task-definition/<family>:<revision>} to the family. */
  public static String familyOf(String taskDefinitionArn) {
    String tail = taskDefinitionArn.substring(taskDefinitionArn.lastIndexOf('/') + 1);
    int colon = tail.lastIndexOf(':');
    return colon < 0 ? tail : tail.substring(0, colon);
  }

  private ListTaskDefinitionsResponse list(String token) throws ProviderException {
    try {
      return ecs.listTaskDefinitions(
          r ->
              r.familyPrefix(familyPrefix)
                  .status(TaskDefinitionStatus.ACTIVE)
                  .maxResults(100)
                  .nextToken(token));
    } catch (SdkException e) {
      throw EcsErrors.classify("ListTaskDefinitions " + familyPrefix, e);
    }
  }

  private boolean deregisterIfOurs(String arn, String family) throws ProviderException {
    try {
      DescribeTaskDefinitionResponse described =
          ecs.describeTaskDefinition(r -> r.taskDefinition(arn).include(TaskDefinitionField.TAGS));
      Map<String, String> tags = TaskTags.toMap(described.tags());
      if (!tags.entrySet().containsAll(registry.ownerTags().entrySet())) {
        notOurs.add(arn);
        return false;
      }
      registry.forget(family);
      ecs.deregisterTaskDefinition(r -> r.taskDefinition(arn));
      log.info("Deregistered task definition {}: no pod uses it any more", arn);
      return true;
    } catch (SdkException e) {
      throw EcsErrors.classify("Deregistering " + arn, e);
    }
  }
}
