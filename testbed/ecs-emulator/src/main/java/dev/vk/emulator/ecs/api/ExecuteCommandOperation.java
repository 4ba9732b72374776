package dev.vk.emulator.ecs.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vk.emulator.ecs.exec.ExecSessions;
import dev.vk.emulator.ecs.http.AwsException;
import dev.vk.emulator.ecs.http.AwsService;
import dev.vk.emulator.ecs.http.OperationRegistry;
import dev.vk.emulator.ecs.json.Json;
import dev.vk.emulator.ecs.state.Cluster;
import dev.vk.emulator.ecs.state.ContainerState;
import dev.vk.emulator.ecs.state.EcsState;
import dev.vk.emulator.ecs.state.Task;
import java.util.HashMap;
import java.util.Map;

/** ExecuteCommand: checks the task can take it and hands out a data channel session. */
public final class ExecuteCommandOperation {
  private final EcsState state;
  private final ExecSessions sessions;

  public ExecuteCommandOperation(EcsState state, ExecSessions sessions) {
    this.state = state;
    this.sessions = sessions;
  }

  public void register(OperationRegistry registry) {
    registry.add(AwsService.ECS, "ExecuteCommand", this::executeCommand);
  }

  private ObjectNode executeCommand(ObjectNode request) {
    synchronized (state) {
      Cluster cluster = state.cluster(Json.text(request, "cluster"));
      String command = Json.text(request, "command");
      if (command == null || command.isBlank()) {
        throw AwsException.invalidParameter("command can not be blank.");
      }
      if (!Json.bool(request, "interactive", false)) {
        throw AwsException.invalidParameter("Interactive is the only mode supported currently.");
      }
      Task task =
          state
              .task(Json.text(request, "task", ""))
              .filter(t -> t.clusterName.equals(cluster.name()))
              .orElseThrow(
                  () -> AwsException.invalidParameter("The referenced task was not found."));
      ContainerState container = container(task, Json.text(request, "container"));
      if (!task.enableExecuteCommand || !"RUNNING".equals(container.managedAgentStatus)) {
        throw AwsException.invalidParameter(
            "The execute command failed because execute command was not enabled when the task was"
                + " run or the execute command agent isn\u2019t running. Wait and try the command"
                + " again or run a new task with execute command enabled and try again.");
      }
      if (!"RUNNING".equals(task.lastStatus)) {
        throw new AwsException(
            400,
            "TargetNotConnectedException",
            "The execute command failed due to an internal error. Try again later.");
      }
      Map<String, String> env = new HashMap<>(container.environment());
      env.putIfAbsent("HOSTNAME", task.eni.privateDnsName());
      ExecSessions.ExecSession session =
          sessions.create(task.arn, container.name(), command, env, container.files());
      ObjectNode response = Json.object();
      response.put("clusterArn", task.clusterArn);
      response.put("containerArn", container.arn());
      response.put("containerName", container.name());
      response.put("interactive", true);
      response
          .putObject("session")
          .put("sessionId", session.sessionId())
          .put("streamUrl", sessions.streamUrl(session))
          .put("tokenValue", session.token());
      response.put("taskArn", task.arn);
      return response;
    }
  }

  private static ContainerState container(Task task, String name) {
    if (name == null) {
      if (task.containers.size() > 1) {
        throw AwsException.invalidParameter(
            "The task has more than one container: specify the container name.");
      }
      return task.containers.get(0);
    }
    return task.container(name)
        .orElseThrow(
            () -> AwsException.invalidParameter("The container " + name + " does not exist."));
  }
}
