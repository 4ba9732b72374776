package dev.vk.emulator.ecs.fault;

/** What happens to tasks behind the API's back: the events a fault test injects. */
public interface TaskControl {

  /**
   * Stops a task as AWS would on its own, e.g. stopCode {@code SpotInterruption}.
   *
   * @throws IllegalArgumentException if no task matches {@code taskArnOrId}
   */
  void stopTask(String taskArnOrId, String stopCode, String reason);

  /**
   * Makes a running container's process exit with {@code exitCode}, as if it crashed.
   *
   * @throws IllegalArgumentException if no running container matches
   */
  void exitContainer(String taskArnOrId, String containerName, int exitCode);
}
