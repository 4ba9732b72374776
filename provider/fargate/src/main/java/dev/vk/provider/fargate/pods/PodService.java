package dev.vk.provider.fargate.pods;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.KubernetesAccess;
import dev.vk.provider.PodLifecycle;
import dev.vk.provider.fargate.ecs.TaskLauncher;
import dev.vk.provider.fargate.mapping.PodAnnotations;
import dev.vk.provider.fargate.mapping.PodInputs;
import dev.vk.provider.fargate.mapping.TaskDefinitionMapper;
import dev.vk.provider.fargate.mapping.TaskPlan;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * The pod lifecycle on ECS. Reads (getPod, getPods) are served from the records {@link TaskPoller}
 * keeps current, so they cost no AWS call; the first call of any kind adopts this node's ECS tasks
 * once (lists them) so that a restarted node neither loses nor duplicates tasks.
 */
public final class PodService implements PodLifecycle {
  private static final Logger log = LoggerFactory.getLogger(PodService.class);
  private final PodRegistry registry;
  private final TaskDefinitionMapper mapper;
  private final TaskLauncher launcher;
  private final TaskPoller poller;
  private final KubernetesAccess kubernetes;
  private final PodInputsReader inputs;

  /** What a failed create read, reused by its retry so that RunTask's request stays the same. */
  private final Map<String, PodInputs> retryInputs = new ConcurrentHashMap<>();

  private final Clock clock;
  private volatile boolean adopted;

  PodService(
      PodRegistry registry,
      TaskDefinitionMapper mapper,
      TaskLauncher launcher,
      TaskPoller poller,
      KubernetesAccess kubernetes,
      Clock clock) {
    this.registry = registry;
    this.mapper = mapper;
    this.launcher = launcher;
    this.poller = poller;
    this.kubernetes = kubernetes;
    this.inputs = new PodInputsReader(kubernetes);
    this.clock = clock;
  }

  /** Lists and adopts this node's tasks once. Blocks on ECS; idempotent. */
  public void adoptTasks() throws ProviderException {
    if (!adopted) {
      synchronized (this) {
        if (!adopted) {
          poller.adoptTasks();
          adopted = true;
        }
      }
    }
  }

  /** Plans the task, then runs it; a pod Fargate cannot run fails before any AWS call. */
  @Override
  public void createPod(V1Pod pod) throws ProviderException {
    adoptTasks();
    Optional<PodRecord> existing = registry.byUid(pod.getMetadata().getUid());
    if (existing.isPresent()) {
      existing
          .get()
          .replacePod(pod); // Adopted or created before: keep the task, take the real spec.
      return;
    }
    String uid = pod.getMetadata().getUid();
    PodInputs read = retryInputs.remove(uid);
    if (read == null) {
      read = inputs.read(pod);
    }
    TaskPlan plan = mapper.plan(pod, read);
    PodRecord record = registry.putIfAbsent(new PodRecord(pod, 0));
    try {
      Task task = launcher.run(pod, plan);
      // Before the task's first status reaches the node: that status write carries it.
      showCapacity(pod, plan.size().capacityProvisioned());
      record.apply(task, clock.instant());
    } catch (ProviderException e) {
      registry.remove(record); // The node retries the create; the clientToken keeps it single.
      if (plan.overrides().isPresent()) {
        retryInputs.put(uid, read); // a new token would change the request under the same token
      }
      throw e;
    }
  }

  /** Like EKS, the billed size is an annotation on the pod object ({@code kubectl get -o yaml}). */
  private void showCapacity(V1Pod pod, String size) {
    kubernetes.annotate(pod, Map.of(PodAnnotations.CAPACITY_PROVISIONED, size));
  }

  /**
   * Takes new metadata (labels, annotations). A running ECS task cannot change, and an image is the
   * one spec field Kubernetes lets users change that Fargate would need: that is refused naming the
   * field, so the user learns it needs a new pod instead of seeing "updated".
   */
  @Override
  public void updatePod(V1Pod pod) throws ProviderException {
    Optional<PodRecord> record = registry.byUid(pod.getMetadata().getUid());
    if (record.isEmpty()) {
      throw ProviderException.notFound("pod " + name(pod) + " is not running on Fargate");
    }
    ImageChange.refuse(record.get().pod(), pod);
    record.get().replacePod(pod);
  }

  @Override
  public void deletePod(V1Pod pod) throws ProviderException {
    adoptTasks();
    Optional<PodRecord> record =
        Optional.ofNullable(pod.getMetadata().getUid())
            .flatMap(registry::byUid)
            .or(
                () ->
                    pod.getMetadata().getUid() == null
                        ? registry.byName(
                            pod.getMetadata().getNamespace(), pod.getMetadata().getName())
                        : Optional.empty());
    Optional.ofNullable(pod.getMetadata().getUid()).ifPresent(retryInputs::remove);
    if (record.isEmpty()) {
      return;
    }
    DeleteStop.stop(
            record.get(), record.get().markDeleting(), launcher, "Pod " + name(pod) + " deleted")
        .ifPresent(arn -> log.info("Stopping task {} of deleted pod {}", arn, name(pod)));
  }

  @Override
  public Optional<V1Pod> getPod(String namespace, String name) throws ProviderException {
    adoptTasks();
    return registry.byName(namespace, name).map(r -> r.snapshot(clock.instant()));
  }

  @Override
  public List<V1Pod> getPods() throws ProviderException {
    adoptTasks();
    return registry.all().stream().map(r -> r.snapshot(clock.instant())).toList();
  }

  /** Every pod that has a task, with the task as last seen; for metrics. Non-blocking. */
  public List<PodTask> tasks() {
    return registry.all().stream()
        .flatMap(r -> r.task().map(t -> new PodTask(r.pod(), t)).stream())
        .toList();
  }

  /** The current task ARN of a pod, for logs and exec. */
  public Optional<Task> task(String namespace, String name) {
    return registry.byName(namespace, name).flatMap(PodRecord::task);
  }

  private static String name(V1Pod pod) {
    return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
  }
}
