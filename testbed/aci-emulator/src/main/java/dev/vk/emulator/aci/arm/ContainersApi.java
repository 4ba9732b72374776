package dev.vk.emulator.aci.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vk.emulator.aci.exec.ExecSessions;
import dev.vk.emulator.aci.exec.GroupVolumes;
import dev.vk.emulator.aci.lifecycle.ContainerTimeline;
import dev.vk.emulator.aci.lifecycle.LifecycleSettings;
import dev.vk.emulator.aci.lifecycle.LogRenderer;
import dev.vk.emulator.aci.model.ContainerGroup;
import dev.vk.emulator.aci.model.ContainerGroupStore;
import dev.vk.emulator.aci.model.ContainerSpec;
import dev.vk.emulator.aci.model.GroupKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/** The per-container operations: List Logs, Execute Command and Attach. */
public final class ContainersApi {

  private final ContainerGroupStore store;
  private final ExecSessions sessions;
  private final LifecycleSettings settings;
  private final Clock clock;
  private final Supplier<String> baseUrl;
  private final GroupVolumes volumes = new GroupVolumes();

  /** The API over {@code store}; WebSocket URIs are derived from {@code baseUrl}. */
  public ContainersApi(
      ContainerGroupStore store,
      ExecSessions sessions,
      LifecycleSettings settings,
      Clock clock,
      Supplier<String> baseUrl) {
    this.store = store;
    this.sessions = sessions;
    this.settings = settings;
    this.clock = clock;
    this.baseUrl = baseUrl;
  }

  /** {@code GET .../containers/{c}/logs?tail=N&timestamps=bool}: {@code {"content": "..."}}. */
  public ArmResponse listLogs(ArmRequest request) {
    ContainerGroup group = group(request);
    ContainerSpec container = container(request, group);
    String tail = request.queryParam("tail");
    Integer lines;
    try {
      lines = tail == null ? null : Integer.valueOf(tail);
    } catch (NumberFormatException e) {
      throw new ArmException(
          400, "InvalidParameter", "The value '" + tail + "' of parameter 'tail' is invalid.");
    }
    boolean timestamps = Boolean.parseBoolean(request.queryParam("timestamps"));
    String content = LogRenderer.content(lines(group.key(), container.name(), lines), timestamps);
    ObjectNode body = Json.MAPPER.createObjectNode().put("content", content);
    return ArmResponse.json(200, body);
  }

  /** {@code POST .../containers/{c}/exec}: a WebSocket URI and its one-time password. */
  public ArmResponse executeCommand(ArmRequest request) {
    JsonNode body = request.json();
    ContainerGroup group = group(request);
    ContainerSpec container = container(request, group);
    String command = body.path("command").asText("");
    if (command.isBlank()) {
      throw ArmException.missingProperty("command", "");
    }
    requireRunning(group, container);
    ExecSessions.Session session =
        sessions.openExec(
            command, group.key().name(), container.env(), volumes.view(group, container.name()));
    JsonNode size = body.path("terminalSize");
    String uri =
        webSocketBase()
            + "/ws/exec/"
            + session.id()
            + "?rows="
            + size.path("rows").asInt(24)
            + "&cols="
            + size.path("cols").asInt(80);
    return ArmResponse.json(
        200,
        Json.MAPPER
            .createObjectNode()
            .put("webSocketUri", uri)
            .put("password", session.password()));
  }

  /**
   * {@code POST .../containers/{c}/attach}: a WebSocket URI streaming output; password goes in the
   * Authorization header.
   */
  public ArmResponse attach(ArmRequest request) {
    ContainerGroup group = group(request);
    ContainerSpec container = container(request, group);
    requireRunning(group, container);
    GroupKey key = group.key();
    ExecSessions.Session session =
        sessions.openAttach(key.name(), () -> lines(key, container.name(), null));
    String uri = webSocketBase() + "/ws/attach/" + session.id();
    return ArmResponse.json(
        200,
        Json.MAPPER
            .createObjectNode()
            .put("webSocketUri", uri)
            .put("password", session.password()));
  }

  private List<LogRenderer.Line> lines(GroupKey key, String containerName, Integer tail) {
    Instant now = clock.instant();
    return store
        .get(key)
        .map(
            g -> {
              ContainerSpec spec = g.spec().container(containerName);
              ContainerTimeline timeline = g.timeline(spec, now, settings);
              return LogRenderer.lines(
                  containerName,
                  spec.behaviour(),
                  timeline.current(),
                  now,
                  tail,
                  settings.maxLogLines());
            })
        .orElse(List.of());
  }

  private void requireRunning(ContainerGroup group, ContainerSpec container) {
    var current = group.timeline(container, clock.instant(), settings).current();
    if (current == null || !current.running()) {
      throw new ArmException(
          409,
          "ContainerNotRunning",
          "The container '"
              + container.name()
              + "' in container group '"
              + group.key().name()
              + "' is not running.");
    }
  }

  private String webSocketBase() {
    return baseUrl.get().replaceFirst("^http", "ws");
  }

  private ContainerGroup group(ArmRequest request) {
    return store
        .get(ContainerGroupsApi.key(request))
        .orElseThrow(
            () ->
                ArmException.groupNotFound(
                    request.param("resourceGroupName"), request.param("containerGroupName")));
  }

  private static ContainerSpec container(ArmRequest request, ContainerGroup group) {
    ContainerSpec spec = group.spec().container(request.param("containerName"));
    if (spec == null) {
      throw new ArmException(
          404,
          "ContainerNotFound",
          "The container '"
              + request.param("containerName")
              + "' in container group '"
              + group.key().name()
              + "' was not found.");
    }
    return spec;
  }
}
