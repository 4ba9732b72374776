package dev.vk.emulator.aci.exec;

import dev.vk.emulator.aci.lifecycle.LogRenderer;
import dev.vk.provider.mock.shell.ShellFiles;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Sessions handed out by executeCommand and attach, waiting for their WebSocket. Each is used once
 * and expires after {@link #TTL} unused, like ACI's short-lived WebSocket credentials.
 */
public final class ExecSessions {

  /** How long an unused session stays valid. */
  public static final Duration TTL = Duration.ofMinutes(5);

  /** What a WebSocket connects to. */
  public enum Kind {
    /** A terminal running a command. */
    EXEC,
    /** The container's output stream. */
    ATTACH
  }

  /**
   * One session.
   *
   * @param id the id in the WebSocket path
   * @param kind exec or attach
   * @param password the secret the client must present
   * @param command the exec command
   * @param hostname the container's host name (the group name)
   * @param env the container's environment
   * @param logs the container's current output, for attach
   * @param files the container's files for exec, or null for none
   * @param createdAt when it was handed out
   */
  public record Session(
      String id,
      Kind kind,
      String password,
      String command,
      String hostname,
      Map<String, String> env,
      Supplier<List<LogRenderer.Line>> logs,
      ShellFiles files,
      Instant createdAt) {}

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;

  /** Sessions expiring by {@code clock}. */
  public ExecSessions(Clock clock) {
    this.clock = clock;
  }

  /** Opens an exec session in a container without files. */
  public Session openExec(String command, String hostname, Map<String, String> env) {
    return openExec(command, hostname, env, null);
  }

  /** Opens an exec session in a container seeing {@code files}. */
  public Session openExec(
      String command, String hostname, Map<String, String> env, ShellFiles files) {
    return open(Kind.EXEC, command, hostname, env, List::of, files);
  }

  /** Opens an attach session streaming {@code logs}. */
  public Session openAttach(String hostname, Supplier<List<LogRenderer.Line>> logs) {
    return open(Kind.ATTACH, null, hostname, Map.of(), logs, null);
  }

  /** The session, if it exists and has not expired, without using it up. */
  public Session peek(String id) {
    Session session = sessions.get(id);
    return session == null || expired(session) ? null : session;
  }

  /** Removes and returns the session, or null. */
  public Session take(String id) {
    Session session = sessions.remove(id);
    return session == null || expired(session) ? null : session;
  }

  private Session open(
      Kind kind,
      String command,
      String hostname,
      Map<String, String> env,
      Supplier<List<LogRenderer.Line>> logs,
      ShellFiles files) {
    sessions.values().removeIf(this::expired);
    byte[] secret = new byte[24];
    random.nextBytes(secret);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Session session =
        new Session(
            UUID.randomUUID().toString(),
            kind,
            password,
            command,
            hostname,
            Map.copyOf(env),
            logs,
            files,
            clock.instant());
    sessions.put(session.id(), session);
    return session;
  }

  private boolean expired(Session session) {
    return clock.instant().isAfter(session.createdAt().plus(TTL));
  }
}
