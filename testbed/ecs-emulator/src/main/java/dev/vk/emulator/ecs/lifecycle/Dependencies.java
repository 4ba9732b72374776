package dev.vk.emulator.ecs.lifecycle;

import dev.vk.emulator.ecs.state.ContainerDefinition.Dependency;
import dev.vk.emulator.ecs.state.ContainerState;
import dev.vk.emulator.ecs.state.Task;

/** Evaluates a container's dependsOn conditions against the other containers' states. */
final class Dependencies {
  private Dependencies() {}

  /** Where a pending container stands. */
  enum Verdict {
    READY,
    WAIT,
    NEVER
  }

  static Verdict evaluate(Task task, ContainerState container) {
    Verdict verdict = Verdict.READY;
    for (Dependency dependency : container.definition().dependsOn()) {
      ContainerState other = task.container(dependency.containerName()).orElseThrow();
      Verdict one = evaluate(dependency.condition(), other);
      if (one == Verdict.NEVER) {
        return Verdict.NEVER;
      }
      if (one == Verdict.WAIT) {
        verdict = Verdict.WAIT;
      }
    }
    return verdict;
  }

  private static Verdict evaluate(String condition, ContainerState other) {
    boolean everStarted = other.startedAt != null;
    if (other.stopped() && !everStarted) {
      return Verdict.NEVER;
    }
    return switch (condition) {
      case "START" -> everStarted ? Verdict.READY : Verdict.WAIT;
      case "COMPLETE" -> other.stopped() ? Verdict.READY : Verdict.WAIT;
      case "SUCCESS" ->
          !other.stopped()
              ? Verdict.WAIT
              : (Integer.valueOf(0).equals(other.exitCode) ? Verdict.READY : Verdict.NEVER);
      case "HEALTHY" ->
          "HEALTHY".equals(other.healthStatus)
              ? Verdict.READY
              : (other.stopped() || !other.definition().hasHealthCheck()
                  ? Verdict.NEVER
                  : Verdict.WAIT);
      default -> Verdict.NEVER;
    };
  }

  /** Describes the first unmet dependency, for the stop reason. */
  static String unmet(Task task, ContainerState container) {
    for (Dependency dependency : container.definition().dependsOn()) {
      ContainerState other = task.container(dependency.containerName()).orElseThrow();
      if (evaluate(dependency.condition(), other) == Verdict.NEVER) {
        return "dependency condition "
            + dependency.condition()
            + " on container "
            + other.name()
            + " can no longer be met";
      }
    }
    return "dependency condition not met";
  }
}
