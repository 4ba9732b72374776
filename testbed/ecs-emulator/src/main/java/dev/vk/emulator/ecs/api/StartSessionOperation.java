package dev.vk.emulator.ecs.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vk.emulator.ecs.exec.ExecSessions;
import dev.vk.emulator.ecs.http.AwsException;
import dev.vk.emulator.ecs.http.AwsService;
import dev.vk.emulator.ecs.http.OperationRegistry;
import dev.vk.emulator.ecs.json.Json;
import dev.vk.emulator.ecs.state.ContainerState;
import dev.vk.emulator.ecs.state.EcsState;
import dev.vk.emulator.ecs.state.Task;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SSM StartSession for ECS targets ({@code ecs:<cluster>_<task id>_<container runtime id>}) with
 * the AWS-StartPortForwardingSession document: checks the target is a running task whose exec agent
 * runs, and hands out a data channel session to its port.
 */
public final class StartSessionOperation {
  static final String PORT_DOCUMENT = "AWS-StartPortForwardingSession";
  private static final Pattern ECS_TARGET = Pattern.compile("ecs:([^_]+)_([0-9a-f]{32})_(.+)");

  private final EcsState state;
  private final ExecSessions sessions;

  public StartSessionOperation(EcsState state, ExecSessions sessions) {
    this.state = state;
    this.sessions = sessions;
  }

  public void register(OperationRegistry registry) {
    registry.add(AwsService.SSM, "StartSession", this::startSession);
  }

  private ObjectNode startSession(ObjectNode request) {
    String target = Json.text(request, "Target", "");
    String document = Json.text(request, "DocumentName");
    if (!PORT_DOCUMENT.equals(document)) {
      // The emulator only has the port-forwarding document (ECS Exec uses ExecuteCommand).
      throw new AwsException(
          400, "InvalidDocument", "Document " + document + " is not supported by this emulator.");
    }
    int port = port(request.path("Parameters").path("portNumber"));
    synchronized (state) {
      Task task = runningTask(target);
      ExecSessions.PortSession session = sessions.createPort("vk-node", task.id, port);
      ObjectNode response = Json.object();
      response.put("SessionId", session.sessionId());
      response.put("TokenValue", session.token());
      response.put("StreamUrl", sessions.streamUrl(session));
      return response;
    }
  }

  /** The task the target names, when it is RUNNING with its exec agent: else not connected. */
  private Task runningTask(String target) {
    Matcher m = ECS_TARGET.matcher(target);
    if (!m.matches()) {
      throw new AwsException(
          400,
          "ValidationException",
          "Target " + target + " is not of the form ecs:<cluster>_<task id>_<runtime id>.");
    }
    Optional<Task> task =
        state.tasks().stream()
            .filter(t -> t.id.equals(m.group(2)) && t.clusterName.equals(m.group(1)))
            .findFirst();
    Optional<ContainerState> container =
        task.flatMap(
            t -> t.containers.stream().filter(c -> m.group(3).equals(c.runtimeId)).findFirst());
    if (task.isEmpty()
        || container.isEmpty()
        || !"RUNNING".equals(task.get().lastStatus)
        || !task.get().enableExecuteCommand
        || !"RUNNING".equals(container.get().managedAgentStatus)) {
      throw new AwsException(400, "TargetNotConnected", target + " is not connected.");
    }
    return task.get();
  }

  /** The document's portNumber parameter: one value, default 80 as in the AWS document. */
  private static int port(JsonNode values) {
    if (values.isMissingNode()) {
      return 80;
    }
    if (!values.isArray() || values.size() != 1) {
      throw new AwsException(400, "InvalidParameters", "portNumber takes exactly one value.");
    }
    String text = values.get(0).asText("");
    try {
      int port = Integer.parseInt(text);
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // Falls through to the error below.
    }
    throw new AwsException(
        400, "InvalidParameters", "portNumber " + text + " is not a port number (1-65535).");
  }
}
