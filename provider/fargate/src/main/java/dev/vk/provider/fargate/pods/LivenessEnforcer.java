package dev.vk.provider.fargate.pods;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.KubernetesAccess;
import dev.vk.provider.fargate.pods.PodRecord.LivenessStop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Does what a kubelet does when a liveness probe fails, which ECS does not do for a standalone
 * task: stops the task (StopTask with the reason {@code Liveness probe failed: ...}) and records a
 * Warning event {@code Unhealthy} on the pod. The restart policy then decides, through the usual
 * restart machinery: Always and OnFailure get a replacement task and a restart counted, Never ends
 * Failed. At most one stop per task; a failed StopTask is retried by the next status round.
 */
final class LivenessEnforcer {
  /** Stops a task; {@link dev.vk.provider.fargate.ecs.TaskLauncher#stop} in production. */
  @FunctionalInterface
  interface TaskStopper {
    void stop(String taskArn, String reason) throws ProviderException;
  }

  static final String EVENT_REASON = "Unhealthy";
  private static final Logger log = LoggerFactory.getLogger(LivenessEnforcer.class);
  private final TaskStopper stopper;
  private final KubernetesAccess kubernetes;

  LivenessEnforcer(TaskStopper stopper, KubernetesAccess kubernetes) {
    this.stopper = stopper;
    this.kubernetes = kubernetes;
  }

  /** Stops the record's task if a liveness check failed and it was not stopped for that yet. */
  void check(PodRecord record) {
    var claim = record.claimLivenessStop();
    if (claim.isEmpty()) {
      return;
    }
    LivenessStop stop = claim.get();
    try {
      stopper.stop(stop.taskArn(), stop.message());
    } catch (ProviderException e) {
      record.releaseLivenessStop(stop);
      log.warn(
          "Pod {}: stopping task {} after a failed liveness probe failed; retrying next round: {}",
          record.uid(),
          stop.taskArn(),
          e.getMessage());
      return;
    }
    log.info("Pod {}: {}; stopped task {}", record.uid(), stop.message(), stop.taskArn());
    kubernetes.event(record.pod(), "Warning", EVENT_REASON, stop.message());
  }
}
