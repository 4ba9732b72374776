package dev.vk.emulator.ecs.exec;

import dev.vk.provider.mock.shell.ShellFiles;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions handed out by ExecuteCommand and not yet used. A session's stream URL and token open one
 * WebSocket data channel; the token is checked in the channel's first (text) frame.
 */
public final class ExecSessions {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Map<String, ExecSession> sessions = new ConcurrentHashMap<>();
  private volatile String webSocketBase = "ws://127.0.0.1:0";

  /**
   * One ECS Exec session.
   *
   * @param sessionId {@code ecs-execute-command-} and 17 hex digits, as ECS names them
   * @param token the tokenValue the client must present
   * @param taskArn task the command runs in
   * @param containerName container the command runs in
   * @param command the command line, split like a shell would
   * @param environment the container's environment
   * @param files the container's files, or null for none
   */
  public record ExecSession(
      String sessionId,
      String token,
      String taskArn,
      String containerName,
      String command,
      Map<String, String> environment,
      ShellFiles files) {

    /** A session in a container without files. */
    public ExecSession(
        String sessionId,
        String token,
        String taskArn,
        String containerName,
        String command,
        Map<String, String> environment) {
      this(sessionId, token, taskArn, containerName, command, environment, null);
    }
  }

  /**
   * One port-forwarding session handed out by SSM StartSession.
   *
   * @param sessionId the session id
   * @param token the tokenValue the client must present
   * @param taskId the id of the task whose port it reaches
   * @param port the port number
   */
  public record PortSession(String sessionId, String token, String taskId, int port) {}

  private final Map<String, PortSession> portSessions = new ConcurrentHashMap<>();

  /** A port session; its id is {@code <caller>-<17 hex digits>} like SSM's. */
  public PortSession createPort(String caller, String taskId, int port) {
    byte[] id = new byte[9];
    RANDOM.nextBytes(id);
    byte[] token = new byte[48];
    RANDOM.nextBytes(token);
    PortSession session =
        new PortSession(
            caller + "-" + HexFormat.of().formatHex(id).substring(0, 17),
            Base64.getEncoder().encodeToString(token),
            taskId,
            port);
    portSessions.put(session.sessionId(), session);
    return session;
  }

  /** The URL StartSession returns as {@code StreamUrl}. */
  public String streamUrl(PortSession session) {
    return webSocketBase
        + DataChannelPaths.PREFIX
        + session.sessionId()
        + "?role=publish_subscribe&cell-number=AAEAAQ";
  }

  public Optional<PortSession> findPort(String sessionId) {
    return Optional.ofNullable(portSessions.get(sessionId));
  }

  /** Sets the {@code ws://host:port} prefix of stream URLs once the server is bound. */
  public void webSocketBase(String base) {
    this.webSocketBase = base;
  }

  public ExecSession create(
      String taskArn,
      String containerName,
      String command,
      Map<String, String> environment,
      ShellFiles files) {
    byte[] id = new byte[9];
    RANDOM.nextBytes(id);
    byte[] token = new byte[48];
    RANDOM.nextBytes(token);
    ExecSession session =
        new ExecSession(
            "ecs-execute-command-" + HexFormat.of().formatHex(id).substring(0, 17),
            Base64.getEncoder().encodeToString(token),
            taskArn,
            containerName,
            command,
            Map.copyOf(environment),
            files);
    sessions.put(session.sessionId(), session);
    return session;
  }

  /** The URL ExecuteCommand returns as {@code session.streamUrl}. */
  public String streamUrl(ExecSession session) {
    return webSocketBase
        + DataChannelPaths.PREFIX
        + session.sessionId()
        + "?role=publish_subscribe&cell-number=AAEAAQ";
  }

  public Optional<ExecSession> find(String sessionId) {
    return Optional.ofNullable(sessions.get(sessionId));
  }

  /** Uses up a session: a token opens one data channel. */
  public void remove(String sessionId) {
    sessions.remove(sessionId);
    portSessions.remove(sessionId);
  }
}
