package dev.vk.emulator.ecs.lifecycle;

import dev.vk.emulator.ecs.state.ContainerState;
import dev.vk.emulator.ecs.state.Task;
import java.util.List;

/** A task's healthStatus, derived from its essential containers that define a health check. */
final class TaskHealth {
  private TaskHealth() {}

  static String of(Task task) {
    List<ContainerState> checked =
        task.containers.stream()
            .filter(c -> c.definition().essential() && c.definition().hasHealthCheck())
            .toList();
    if (checked.isEmpty()) {
      return "UNKNOWN";
    }
    if (checked.stream().anyMatch(c -> "UNHEALTHY".equals(c.healthStatus))) {
      return "UNHEALTHY";
    }
    return checked.stream().allMatch(c -> "HEALTHY".equals(c.healthStatus)) ? "HEALTHY" : "UNKNOWN";
  }
}
