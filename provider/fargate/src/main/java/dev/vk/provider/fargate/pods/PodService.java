package dev.vk.provider.fargate.pods;

import dev.vk.provider.PodLifecycle;
import dev.vk.provider.ProviderException;
import dev.vk.provider.fargate.ecs.TaskLauncher;
import dev.vk.provider.fargate.mapping.TaskDefinitionMapper;
import dev.vk.provider.fargate.mapping.TaskPlan;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * The pod lifecycle on ECS. Reads (getPod, getPods) are served from the records {@link StatusSync}
 * keeps current, so they cost no AWS call; the first call of any kind reconciles with ECS once
 * (lists and adopts this node's tasks) so that a restarted node neither loses nor duplicates tasks.
 */
public final class PodService implements PodLifecycle {
  private static final Logger log = LoggerFactory.getLogger(PodService.class);
  private final PodRegistry registry;
  private final TaskDefinitionMapper mapper;
  private final TaskLauncher launcher;
  private final StatusSync sync;
  private final Clock clock;
  private volatile boolean reconciled;

  PodService(
      PodRegistry registry,
      TaskDefinitionMapper mapper,
      TaskLauncher launcher,
      StatusSync sync,
      Clock clock) {
    this.registry = registry;
    this.mapper = mapper;
    this.launcher = launcher;
    this.sync = sync;
    this.clock = clock;
  }

  /** Lists and adopts this node's tasks once. Blocks on ECS; idempotent. */
  public void reconcile() throws ProviderException {
    if (!reconciled) {
      synchronized (this) {
        if (!reconciled) {
          sync.tick(true);
          reconciled = true;
        }
      }
    }
  }

  /** Plans the task, then runs it; a pod Fargate cannot run fails before any AWS call. */
  @Override
  public void createPod(V1Pod pod) throws ProviderException {
    reconcile();
    Optional<PodRecord> existing = registry.byUid(pod.getMetadata().getUid());
    if (existing.isPresent()) {
      existing
          .get()
          .replacePod(pod); // Adopted or created before: keep the task, take the real spec.
      return;
    }
    TaskPlan plan = mapper.plan(pod);
    PodRecord record = registry.putIfAbsent(new PodRecord(pod, 0));
    try {
      Task task = launcher.run(pod, plan);
      record.apply(task, clock.instant());
    } catch (ProviderException e) {
      registry.remove(record); // The node retries the create; the clientToken keeps it single.
      throw e;
    }
  }

  /**
   * Takes new metadata (labels, annotations). A running task cannot change, so spec changes apply
   * only to pods created afterwards; Kubernetes allows few such changes anyway (images).
   */
  @Override
  public void updatePod(V1Pod pod) throws ProviderException {
    Optional<PodRecord> record = registry.byUid(pod.getMetadata().getUid());
    if (record.isEmpty()) {
      throw ProviderException.notFound("pod " + name(pod) + " is not running on Fargate");
    }
    record.get().replacePod(pod);
  }

  @Override
  public void deletePod(V1Pod pod) throws ProviderException {
    reconcile();
    Optional<PodRecord> record =
        Optional.ofNullable(pod.getMetadata().getUid())
            .flatMap(registry::byUid)
            .or(
                () ->
                    pod.getMetadata().getUid() == null
                        ? registry.byName(
                            pod.getMetadata().getNamespace(), pod.getMetadata().getName())
                        : Optional.empty());
    if (record.isEmpty()) {
      return;
    }
    Optional<String> running = record.get().markDeleting();
    if (running.isPresent()) {
      launcher.stop(running.get(), "Pod " + name(pod) + " deleted");
      log.info("Stopping task {} of deleted pod {}", running.get(), name(pod));
    }
  }

  @Override
  public Optional<V1Pod> getPod(String namespace, String name) throws ProviderException {
    reconcile();
    return registry.byName(namespace, name).map(r -> r.snapshot(clock.instant()));
  }

  @Override
  public List<V1Pod> getPods() throws ProviderException {
    reconcile();
    return registry.all().stream().map(r -> r.snapshot(clock.instant())).toList();
  }

  /** The current task ARN of a pod, for logs and exec. */
  public Optional<Task> task(String namespace, String name) {
    return registry.byName(namespace, name).flatMap(PodRecord::task);
  }

  private static String name(V1Pod pod) {
    return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
  }
}
