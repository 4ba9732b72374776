package dev.vk.emulator.ecs.state;

import java.time.Duration;
import java.util.List;

/**
 * The parts of a container definition the simulation acts on; the full JSON is kept by {@link
 * TaskDefinition} for echoing back.
 *
 * @param name container name, unique within the task definition
 * @param image image reference
 * @param essential whether its exit stops the task (default true)
 * @param entryPoint ECS entryPoint (Docker ENTRYPOINT), possibly empty
 * @param command ECS command (Docker CMD), possibly empty
 * @param dependsOn start-order conditions
 * @param logs awslogs settings, or null when another or no log driver is used
 * @param healthCheck the container's healthCheck, or null when it has none
 * @param mountPoints the task volumes it mounts
 */
public record ContainerDefinition(
    String name,
    String image,
    boolean essential,
    List<String> entryPoint,
    List<String> command,
    List<Dependency> dependsOn,
    AwsLogsConfig logs,
    HealthCheck healthCheck,
    List<MountPoint> mountPoints) {

  /** Whether a healthCheck is defined. */
  public boolean hasHealthCheck() {
    return healthCheck != null;
  }

  /**
   * A container healthCheck as ECS (Docker) runs it.
   *
   * @param argv what runs: the words after {@code CMD}, or {@code sh -c <string>} for {@code
   *     CMD-SHELL}
   * @param interval time between checks (ECS default 30 s); the first check runs one interval after
   *     the container starts
   * @param timeout a check taking longer fails (default 5 s)
   * @param retries consecutive failures that make the container UNHEALTHY (default 3)
   * @param startPeriod failures within this time after start do not count (default 0)
   */
  public record HealthCheck(
      List<String> argv, Duration interval, Duration timeout, int retries, Duration startPeriod) {
    public HealthCheck {
      argv = List.copyOf(argv);
    }
  }

  /** One mountPoints entry: a task volume at a path in the container. */
  public record MountPoint(String sourceVolume, String containerPath, boolean readOnly) {}

  /** One dependsOn entry; condition is START, COMPLETE, SUCCESS or HEALTHY. */
  public record Dependency(String containerName, String condition) {}

  /**
   * The awslogs driver options.
   *
   * @param group awslogs-group
   * @param streamPrefix awslogs-stream-prefix (required on Fargate)
   * @param createGroup awslogs-create-group = true
   */
  public record AwsLogsConfig(String group, String streamPrefix, boolean createGroup) {

    /** The stream name awslogs uses on ECS: {@code prefix/container-name/task-id}. */
    public String streamName(String containerName, String taskId) {
      return streamPrefix + "/" + containerName + "/" + taskId;
    }
  }
}
