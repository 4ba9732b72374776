package dev.vk.provider.fargate.pods;

import dev.vk.provider.fargate.mapping.PodAnnotations;
import dev.vk.provider.fargate.mapping.TaskSize;
import dev.vk.provider.fargate.status.EcsStatus;
import dev.vk.provider.fargate.status.FargateStatusMapper;
import dev.vk.provider.fargate.status.LivenessFailures;
import dev.vk.provider.fargate.status.Observations;
import dev.vk.provider.fargate.status.PodShape;
import dev.vk.provider.fargate.status.RestartBackoff;
import dev.vk.provider.fargate.status.RestartHistory;
import dev.vk.provider.fargate.status.TaskOutcome;
import io.kubernetes.client.openapi.models.V1ContainerStateTerminated;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * One pod and its current ECS task, with its restart history. Thread-safe: the pod workers and the
 * task poller touch it concurrently.
 */
final class PodRecord {
  private final String uid;
  private KeptPod pod;
  private PodShape shape;
  private Task task;
  private int restarts;
  private Map<String, V1ContainerStateTerminated> lastTerminated = Map.of();
  private boolean replacing;
  private Instant replaceAfter = Instant.MIN;
  private boolean deleting;
  private String deleteStop;
  private V1PodStatus notified;
  private LivenessStop livenessStop;
  private final Observations seen = new Observations();
  private TaskListener taskListener = (record, previous, current) -> {};

  /** Told when the record's current task changes, so the registry's task index follows it. */
  interface TaskListener {
    /**
     * Called under the record's lock; must not block or call back into the record.
     *
     * @param previous the replaced task's ARN, or null
     * @param current the new task's ARN
     */
    void taskChanged(PodRecord record, String previous, String current);
  }

  PodRecord(V1Pod pod, int restarts) {
    this.uid = pod.getMetadata().getUid();
    this.pod = KeptPod.of(pod);
    this.shape = PodShape.of(pod.getSpec());
    this.restarts = restarts;
  }

  /**
   * A task stopped because a container's liveness check failed.
   *
   * @param taskArn the stopped task
   * @param container the unhealthy container
   * @param message StopTask reason, event message and the container's termination message
   */
  record LivenessStop(String taskArn, String container, String message) {}

  String uid() {
    return uid;
  }

  synchronized KeptPod kept() {
    return pod;
  }

  /** The pod as the record keeps it ({@link KeptPod}): a new object each call. */
  synchronized V1Pod pod() {
    return pod.pod();
  }

  synchronized void replacePod(V1Pod newer) {
    this.pod = KeptPod.of(newer);
    this.shape = PodShape.of(newer.getSpec());
  }

  /** Replaces the task listener and tells it the current task, if any. Idempotent. */
  synchronized void onTaskChange(TaskListener listener) {
    this.taskListener = listener;
    if (task != null) {
      listener.taskChanged(this, null, task.taskArn());
    }
  }

  private void setTask(Task described) {
    String previous = task == null ? null : task.taskArn();
    Task next = KeptTask.of(described);
    task = next;
    if (!next.taskArn().equals(previous)) {
      taskListener.taskChanged(this, previous, next.taskArn());
    }
  }

  synchronized Optional<Task> task() {
    return Optional.ofNullable(task);
  }

  synchronized int restarts() {
    return restarts;
  }

  /** Takes a newer view of the current task; older answers (lower version) are ignored. */
  synchronized void apply(Task observed, Instant now) {
    if (task != null && !task.taskArn().equals(observed.taskArn())) {
      return; // An answer about a task this pod has already replaced.
    }
    if (task != null
        && task.version() != null
        && observed.version() != null
        && observed.version() < task.version()) {
      return;
    }
    setTask(observed);
    if (EcsStatus.of(observed.lastStatus()) == EcsStatus.STOPPED
        && !deleting
        && !replacing
        && TaskOutcome.restarts(shape.restartPolicy(), observed)) {
      replacing = true;
      // Capture the ended containers before the replacement's observations replace them.
      lastTerminated = terminatedStates(observed, now);
      replaceAfter = now.plus(RestartBackoff.delay(restarts, observed, now));
    }
  }

  private Map<String, V1ContainerStateTerminated> terminatedStates(Task stopped, Instant now) {
    Map<String, V1ContainerStateTerminated> out = new HashMap<>();
    V1PodStatus before =
        FargateStatusMapper.map(
            shape, stopped, new RestartHistory(restarts, Map.of(), false), seen, now);
    withLivenessMessage(before, stopped)
        .getContainerStatuses()
        .forEach(
            s ->
                Optional.ofNullable(s.getState().getTerminated())
                    .ifPresent(t -> out.put(s.getName(), t)));
    return out;
  }

  /**
   * Claims the stop of the current task for a failed liveness check: once per task, never for a pod
   * being deleted or replaced, never for a container without a liveness check.
   */
  synchronized Optional<LivenessStop> claimLivenessStop() {
    if (deleting || replacing || task == null) {
      return Optional.empty();
    }
    if (livenessStop != null && livenessStop.taskArn().equals(task.taskArn())) {
      return Optional.empty();
    }
    Optional<LivenessStop> claim =
        LivenessFailures.failedContainer(shape, task)
            .map(c -> new LivenessStop(task.taskArn(), c, LivenessFailures.message(c)));
    claim.ifPresent(c -> livenessStop = c);
    return claim;
  }

  /** The StopTask of a claimed liveness stop failed: the next round may try again. */
  synchronized void releaseLivenessStop(LivenessStop claim) {
    if (claim.equals(livenessStop)) {
      livenessStop = null;
    }
  }

  private boolean stopRequested() {
    return livenessStop != null && task != null && livenessStop.taskArn().equals(task.taskArn());
  }

  /** The unhealthy container of a task stopped for its liveness check says why it was killed. */
  private V1PodStatus withLivenessMessage(V1PodStatus status, Task of) {
    if (livenessStop == null || of == null || !livenessStop.taskArn().equals(of.taskArn())) {
      return status;
    }
    for (V1ContainerStatus c : status.getContainerStatuses()) {
      V1ContainerStateTerminated t = c.getState() == null ? null : c.getState().getTerminated();
      if (livenessStop.container().equals(c.getName()) && t != null && t.getMessage() == null) {
        t.setMessage(livenessStop.message());
      }
    }
    return status;
  }

  /** Delays a pending replacement until at least {@code notBefore}. */
  synchronized void holdReplacement(Instant notBefore) {
    if (replacing && replaceAfter.isBefore(notBefore)) {
      replaceAfter = notBefore;
    }
  }

  synchronized boolean replacementDue(Instant now) {
    return replacing && !deleting && !now.isBefore(replaceAfter);
  }

  /** The replacement task started: count it and start observing it afresh. */
  synchronized void replaced(Task replacement) {
    restarts++;
    replacing = false;
    setTask(replacement);
    seen.clear();
  }

  /**
   * Marks the pod deleted; returns the task to stop, if it may still run and no StopTask was asked
   * for it yet. The node deletes again while the task winds down (its retries, the orphan sweep
   * after the API object is gone): those calls must not stop the same task again.
   */
  synchronized Optional<String> markDeleting() {
    deleting = true;
    replacing = false;
    return claimDeleteStop();
  }

  /**
   * For a deleted pod, claims the StopTask of its current task: once per task, and never for one
   * already stopped, stopping (desired STOPPED) or being stopped for its liveness check.
   */
  synchronized Optional<String> claimDeleteStop() {
    if (!deleting
        || task == null
        || EcsStatus.of(task.lastStatus()) == EcsStatus.STOPPED
        || EcsStatus.of(task.desiredStatus()) == EcsStatus.STOPPED
        || task.taskArn().equals(deleteStop)
        || stopRequested()) {
      return Optional.empty();
    }
    deleteStop = task.taskArn();
    return Optional.of(deleteStop);
  }

  /** The StopTask of a claimed delete stop failed: the node's next delete may try again. */
  synchronized void releaseDeleteStop(String taskArn) {
    if (taskArn.equals(deleteStop)) {
      deleteStop = null;
    }
  }

  synchronized boolean deleting() {
    return deleting;
  }

  /** Whether the task is starting or stopping (described every transition interval). */
  synchronized boolean inTransition() {
    if (task == null || replacing) {
      return false;
    }
    return EcsStatus.of(task.lastStatus()) != EcsStatus.STOPPED && (!steady() || stopRequested());
  }

  /** A steady task whose health checks decide readiness or restarts: described every listing. */
  synchronized boolean watchesHealth() {
    return steady() && shape.checksHealth();
  }

  /** RUNNING and meant to keep running: only ListTasks watches it. */
  synchronized boolean steady() {
    return task != null
        && EcsStatus.of(task.lastStatus()) == EcsStatus.RUNNING
        && EcsStatus.of(task.desiredStatus()) == EcsStatus.RUNNING;
  }

  /** Deleted and its task has stopped: nothing left to watch. */
  synchronized boolean finished() {
    return deleting && (task == null || EcsStatus.of(task.lastStatus()) == EcsStatus.STOPPED);
  }

  synchronized V1PodStatus status(Instant now) {
    return withLivenessMessage(
        FargateStatusMapper.map(
            shape, task, new RestartHistory(restarts, lastTerminated, replacing), seen, now),
        task);
  }

  /** The pod with current status and the CapacityProvisioned annotation, as getPod returns it. */
  synchronized V1Pod snapshot(Instant now) {
    V1Pod out = pod.pod();
    Map<String, String> annotations = new HashMap<>(pod.annotations());
    capacity().ifPresent(c -> annotations.put(PodAnnotations.CAPACITY_PROVISIONED, c));
    out.getMetadata().setAnnotations(annotations);
    return out.status(status(now));
  }

  private Optional<String> capacity() {
    if (task == null || task.cpu() == null || task.memory() == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new TaskSize(Integer.parseInt(task.cpu()), Integer.parseInt(task.memory()))
              .capacityProvisioned());
    } catch (NumberFormatException e) {
      return Optional.empty(); // ECS may echo "1 vCPU" style values; the annotation is optional.
    }
  }

  /** Returns the status if it differs from the last one handed to the notifier, and records it. */
  synchronized Optional<V1Pod> changedSince(Instant now) {
    V1PodStatus current = status(now);
    if (current.equals(notified)) {
      return Optional.empty();
    }
    notified = current;
    return Optional.of(snapshot(now));
  }
}
