package dev.vk.provider.fargate.ecs;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.fargate.mapping.TaskPlan;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;

/**
 * Resolves a plan to a registered task definition, registering only when its content-addressed
 * family has no ACTIVE revision yet: identical specs share one revision, and a restarted node finds
 * the revisions it registered before. One lock per family keeps concurrent pods of the same spec
 * from registering twice. Registrations are tagged with the node and cluster, so that {@link
 * TaskDefinitionCleaner} removes only its own.
 */
public final class TaskDefinitionRegistry {
  private static final Logger log = LoggerFactory.getLogger(TaskDefinitionRegistry.class);
  private final EcsClient ecs;
  private final Map<String, String> ownerTags;
  private final Map<String, String> arnByFamily = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();
  private final Set<String> touched = ConcurrentHashMap.newKeySet();

  public TaskDefinitionRegistry(EcsClient ecs, LaunchConfig owner) {
    this.ecs = ecs;
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put(TaskTags.NODE, owner.nodeName());
    tags.put(TaskTags.CLUSTER_ID, owner.clusterId());
    this.ownerTags = Map.copyOf(tags);
  }

  /** The ARN of an ACTIVE revision for the plan. Blocks on ECS calls; idempotent. */
  public String resolve(TaskPlan plan) throws ProviderException {
    touched.add(plan.family());
    String cached = arnByFamily.get(plan.family());
    if (cached != null) {
      return cached;
    }
    synchronized (locks.computeIfAbsent(plan.family(), f -> new Object())) {
      cached = arnByFamily.get(plan.family());
      if (cached != null) {
        return cached;
      }
      String arn = lookUp(plan.family());
      if (arn == null) {
        arn = register(plan);
      }
      arnByFamily.put(plan.family(), arn);
      return arn;
    }
  }

  /** Forgets a family, e.g. after RunTask said its revision is INACTIVE or after cleanup. */
  public void forget(String family) {
    arnByFamily.remove(family);
  }

  /** The tags that mark a task definition as registered by this node of this cluster. */
  Map<String, String> ownerTags() {
    return ownerTags;
  }

  /** The families resolved since the previous call: a create may be about to use them. */
  Set<String> drainTouched() {
    Set<String> drained = new HashSet<>(touched);
    touched.removeAll(drained);
    return drained;
  }

  /**
   * The family's latest ACTIVE revision when this node of this cluster registered it; a revision
   * another owner registered is never used (its owner may deregister it), a new one is registered.
   */
  private String lookUp(String family) throws ProviderException {
    try {
      DescribeTaskDefinitionResponse described =
          ecs.describeTaskDefinition(
              r -> r.taskDefinition(family).include(TaskDefinitionField.TAGS));
      TaskDefinition existing = described.taskDefinition();
      boolean ours = TaskTags.toMap(described.tags()).entrySet().containsAll(ownerTags.entrySet());
      if (!ours && existing.status() == TaskDefinitionStatus.ACTIVE) {
        log.info(
            "Family {}: revision {} is not ours; registering our own",
            family,
            existing.taskDefinitionArn());
      }
      return ours && existing.status() == TaskDefinitionStatus.ACTIVE
          ? existing.taskDefinitionArn()
          : null;
    } catch (SdkException e) {
      if (EcsErrors.isMissingTaskDefinition(e)) {
        return null;
      }
      throw EcsErrors.classify("DescribeTaskDefinition " + family, e);
    }
  }

  private String register(TaskPlan plan) throws ProviderException {
    try {
      String arn =
          ecs.registerTaskDefinition(
                  plan.registration().toBuilder().tags(TaskTags.of(ownerTags)).build())
              .taskDefinition()
              .taskDefinitionArn();
      log.info("Registered task definition {}", arn);
      return arn;
    } catch (SdkException e) {
      throw EcsErrors.classify("RegisterTaskDefinition " + plan.family(), e);
    }
  }
}
