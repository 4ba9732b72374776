package dev.vk.provider.fargate.status;

import software.amazon.awssdk.services.ecs.model.Task;

/**
 * The pod phase for an ECS task's {@code lastStatus}:
 *
 * <pre>
 * (no task yet), PROVISIONING, PENDING, ACTIVATING   Pending (Running once the pod has restarted)
 * RUNNING                                            Running
 * DEACTIVATING, STOPPING, DEPROVISIONING             Running if the task had started, else Pending
 * STOPPED, replacement due (restartPolicy)           Running (Pending if it never started)
 * STOPPED, no replacement                            Succeeded if every container exited 0, else Failed
 * </pre>
 */
public final class PodPhases {
  private PodPhases() {}

  public static String phase(Task task, RestartHistory history) {
    boolean restarted = history.restarts() > 0;
    if (task == null) {
      return restarted ? "Running" : "Pending";
    }
    boolean started = task.startedAt() != null || restarted;
    return switch (EcsStatus.of(task.lastStatus())) {
      case PROVISIONING, PENDING, ACTIVATING -> restarted ? "Running" : "Pending";
      case RUNNING -> "Running";
      case DEACTIVATING, STOPPING, DEPROVISIONING -> started ? "Running" : "Pending";
      case STOPPED -> {
        if (history.replacing()) {
          yield started ? "Running" : "Pending";
        }
        yield TaskOutcome.succeeded(task) ? "Succeeded" : "Failed";
      }
      case DELETED, UNKNOWN -> "Unknown";
    };
  }
}
