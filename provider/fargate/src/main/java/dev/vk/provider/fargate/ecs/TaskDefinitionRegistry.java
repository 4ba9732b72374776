package dev.vk.provider.fargate.ecs;

import dev.vk.provider.ProviderException;
import dev.vk.provider.fargate.mapping.TaskPlan;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;

/**
 * Resolves a plan to a registered task definition, registering only when its content-addressed
 * family has no ACTIVE revision yet: identical specs share one revision, and a restarted node finds
 * the revisions it registered before. One lock per family keeps concurrent pods of the same spec
 * from registering twice.
 */
public final class TaskDefinitionRegistry {
  private static final Logger log = LoggerFactory.getLogger(TaskDefinitionRegistry.class);
  private final EcsClient ecs;
  private final Map<String, String> arnByFamily = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  public TaskDefinitionRegistry(EcsClient ecs) {
    this.ecs = ecs;
  }

  /** The ARN of an ACTIVE revision for the plan. Blocks on ECS calls; idempotent. */
  public String resolve(TaskPlan plan) throws ProviderException {
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

  /** Whether this registry resolved the family recently (cleanup must not remove it). */
  public boolean inUse(String family) {
    return arnByFamily.containsKey(family);
  }

  private String lookUp(String family) throws ProviderException {
    try {
      TaskDefinition existing =
          ecs.describeTaskDefinition(r -> r.taskDefinition(family)).taskDefinition();
      return existing.status() == TaskDefinitionStatus.ACTIVE ? existing.taskDefinitionArn() : null;
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
          ecs.registerTaskDefinition(plan.registration()).taskDefinition().taskDefinitionArn();
      log.info("Registered task definition {}", arn);
      return arn;
    } catch (SdkException e) {
      throw EcsErrors.classify("RegisterTaskDefinition " + plan.family(), e);
    }
  }
}
