package dev.vk.emulator.ecs.state;

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
 * @param hasHealthCheck whether a healthCheck is defined
 */
public record ContainerDefinition(
    String name,
    String image,
    boolean essential,
    List<String> entryPoint,
    List<String> command,
    List<Dependency> dependsOn,
    AwsLogsConfig logs,
    boolean hasHealthCheck) {

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
