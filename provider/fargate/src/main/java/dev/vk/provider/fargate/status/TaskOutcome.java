package dev.vk.provider.fargate.status;

import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.Task;

/** How a STOPPED task ended, in Kubernetes terms. */
public final class TaskOutcome {
  private TaskOutcome() {}

  /**
   * Whether every container of the task exited 0, so a run-to-completion pod Succeeded. A container
   * without an exit code never ran (image pull or start failure) and counts as failed.
   */
  public static boolean succeeded(Task task) {
    List<Container> containers = task.containers();
    return !containers.isEmpty()
        && containers.stream().allMatch(c -> Objects.equals(c.exitCode(), 0));
  }

  /** Whether {@code restartPolicy} wants a replacement for this stopped task. */
  public static boolean restarts(String restartPolicy, Task stopped) {
    return switch (restartPolicy) {
      case "Never" -> false;
      case "OnFailure" -> !succeeded(stopped);
      default -> true;
    };
  }
}
