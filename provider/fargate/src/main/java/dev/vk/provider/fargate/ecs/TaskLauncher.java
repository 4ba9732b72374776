package dev.vk.provider.fargate.ecs;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.fargate.mapping.FileVolumes;
import dev.vk.provider.fargate.mapping.TaskPlan;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Pod;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.ContainerOverride;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskOverride;

/**
 * Starts and stops tasks. RunTask carries a {@code clientToken} derived from the pod UID and the
 * restart number, so a retried create (after a timeout, a throttle or a node restart) returns the
 * task the first call started instead of starting a duplicate.
 */
public final class TaskLauncher {

  private final EcsClient ecs;
  private final LaunchConfig config;
  private final TaskDefinitionRegistry definitions;
  private final RunTaskLimiter limiter;

  public TaskLauncher(
      EcsClient ecs,
      LaunchConfig config,
      TaskDefinitionRegistry definitions,
      RunTaskLimiter limiter) {
    this.ecs = ecs;
    this.config = config;
    this.definitions = definitions;
    this.limiter = limiter;
  }

  /**
   * Runs the pod's first task from its plan. Blocks on the rate limiter and ECS; idempotent for the
   * same pod UID.
   */
  public Task run(V1Pod pod, TaskPlan plan) throws ProviderException {
    try {
      return launch(pod, definitions.resolve(plan), plan.capacityProvider(), 0, plan.overrides());
    } catch (ProviderException e) {
      if (!String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("inactive")) {
        throw e;
      }
      // Someone deregistered the revision we cached; register the family again, once.
      definitions.forget(plan.family());
      return launch(pod, definitions.resolve(plan), plan.capacityProvider(), 0, plan.overrides());
    }
  }

  /**
   * Runs task number {@code restarts} of a pod from an existing task definition (replacements use
   * the stopped task's definition and {@link #carriedOverrides overrides}). Blocks; idempotent for
   * the same pod UID, restart number and overrides.
   */
  public Task launch(
      V1Pod pod,
      String definition,
      String capacityProvider,
      int restarts,
      Optional<TaskOverride> overrides)
      throws ProviderException {
    String where =
        "RunTask for " + pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
    try {
      limiter.acquire();
      RunTaskResponse response =
          ecs.runTask(request(pod, definition, capacityProvider, restarts, overrides));
      if (!response.tasks().isEmpty()) {
        return response.tasks().get(0);
      }
      String failures =
          response.failures().stream()
              .map(f -> f.reason() + " " + f.detail())
              .collect(Collectors.joining("; "));
      // RunTask answers capacity shortages as failures, not errors; they pass with time.
      throw new ProviderException(ProviderException.Kind.UNAVAILABLE, where + ": " + failures);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderException(ProviderException.Kind.UNAVAILABLE, where + ": interrupted", e);
    } catch (SdkException e) {
      throw EcsErrors.classify(where, e);
    }
  }

  /** Asks ECS to stop a task. Blocks; idempotent (stopping a stopped task succeeds). */
  public void stop(String taskArn, String reason) throws ProviderException {
    try {
      ecs.stopTask(r -> r.cluster(config.cluster()).task(taskArn).reason(reason));
    } catch (SdkException e) {
      ProviderException classified = EcsErrors.classify("StopTask " + taskArn, e);
      if (classified.kind() != ProviderException.Kind.INVALID_INPUT) {
        throw classified;
      }
      // ECS answers InvalidParameterException for a task it no longer knows: already gone.
    }
  }

  /**
   * The overrides a replacement of {@code stopped} needs: the per-pod volume files it was given
   * (read back from DescribeTasks, so this also works for tasks adopted after a node restart).
   */
  public static Optional<TaskOverride> carriedOverrides(Task stopped) {
    if (stopped.overrides() == null) {
      return Optional.empty();
    }
    return stopped.overrides().containerOverrides().stream()
        .filter(o -> FileVolumes.HELPER.equals(o.name()) && !o.environment().isEmpty())
        .findFirst()
        .map(
            o ->
                TaskOverride.builder()
                    .containerOverrides(
                        ContainerOverride.builder()
                            .name(o.name())
                            .environment(o.environment())
                            .build())
                    .build());
  }

  RunTaskRequest request(
      V1Pod pod,
      String definition,
      String capacityProvider,
      int restarts,
      Optional<TaskOverride> overrides) {
    String uid = pod.getMetadata().getUid();
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put(TaskTags.POD_UID, uid);
    tags.put(TaskTags.NAMESPACE, pod.getMetadata().getNamespace());
    tags.put(TaskTags.POD_NAME, pod.getMetadata().getName());
    tags.put(TaskTags.NODE, config.nodeName());
    tags.put(TaskTags.CLUSTER_ID, config.clusterId());
    tags.put(
        TaskTags.RESTART_POLICY,
        pod.getSpec().getRestartPolicy() == null ? "Always" : pod.getSpec().getRestartPolicy());
    tags.put(TaskTags.RESTARTS, Integer.toString(restarts));
    List<V1Container> inits =
        pod.getSpec().getInitContainers() == null ? List.of() : pod.getSpec().getInitContainers();
    tags.put(
        TaskTags.INIT_CONTAINERS,
        inits.stream().map(V1Container::getName).collect(Collectors.joining(",")));
    return RunTaskRequest.builder()
        .cluster(config.cluster())
        .taskDefinition(definition)
        .count(1)
        .capacityProviderStrategy(
            CapacityProviderStrategyItem.builder()
                .capacityProvider(capacityProvider)
                .weight(1)
                .build())
        .platformVersion(config.platformVersion())
        .networkConfiguration(
            n ->
                n.awsvpcConfiguration(
                    a ->
                        a.subnets(config.subnets())
                            .securityGroups(config.securityGroups())
                            .assignPublicIp(
                                config.assignPublicIp()
                                    ? AssignPublicIp.ENABLED
                                    : AssignPublicIp.DISABLED)))
        .startedBy(config.startedBy())
        .group("vk:" + truncate(pod.getMetadata().getNamespace(), 200))
        .enableExecuteCommand(true)
        .tags(TaskTags.of(tags))
        .overrides(overrides.orElse(null))
        .clientToken(uid + "-" + restarts)
        .build();
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
