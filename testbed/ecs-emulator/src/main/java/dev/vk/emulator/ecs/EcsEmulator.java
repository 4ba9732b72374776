package dev.vk.emulator.ecs;

import dev.vk.emulator.ecs.api.EmulatedApi;
import dev.vk.emulator.ecs.exec.ExecSessions;
import dev.vk.emulator.ecs.fault.CallLog;
import dev.vk.emulator.ecs.fault.Faults;
import dev.vk.emulator.ecs.http.EmulatorInitializer;
import dev.vk.emulator.ecs.http.EmulatorServer;
import dev.vk.emulator.ecs.lifecycle.TaskLifecycle;
import dev.vk.emulator.ecs.logs.LogStore;
import dev.vk.emulator.ecs.state.EcsState;
import dev.vk.emulator.ecs.time.ExecutorScheduler;
import dev.vk.emulator.ecs.time.Scheduler;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A stateful Amazon ECS (Fargate) and CloudWatch Logs emulator speaking awsJson 1.1 on one HTTP
 * port, with ECS Exec data channels on the same port. Start it in-process with {@link
 * #start(EmulatorOptions)} or as its own process with {@link #main(String[])}; point the AWS SDK's
 * {@code endpointOverride} at {@link #endpoint()}.
 */
public final class EcsEmulator implements AutoCloseable {
  private final EmulatorServer server;
  private final URI endpoint;
  private final Faults faults;
  private final CallLog calls;
  private final String region;
  private final String accountId;
  private final List<String> logGroups;
  private final AutoCloseable ownedScheduler;

  private EcsEmulator(
      EmulatorServer server,
      URI endpoint,
      Faults faults,
      CallLog calls,
      EmulatorOptions options,
      AutoCloseable ownedScheduler) {
    this.server = server;
    this.endpoint = endpoint;
    this.faults = faults;
    this.calls = calls;
    this.region = options.region;
    this.accountId = options.accountId;
    this.logGroups = List.copyOf(options.logGroups);
    this.ownedScheduler = ownedScheduler;
  }

  /** Starts an emulator; the returned instance is serving when this returns. */
  public static EcsEmulator start(EmulatorOptions options) {
    ExecutorScheduler owned =
        options.scheduler == null ? new ExecutorScheduler(Clock.systemUTC()) : null;
    Scheduler scheduler = owned != null ? owned : options.scheduler;
    Clock clock = scheduler.clock();
    EcsState state = new EcsState(options.region, options.accountId, options.autoCreateClusters);
    options.clusters.forEach(state::createCluster);
    LogStore logs = new LogStore(options.region, options.accountId);
    options.logGroups.forEach(group -> logs.createGroup(group, clock.millis()));
    TaskLifecycle lifecycle =
        new TaskLifecycle(state, logs, scheduler, options.timings, options.autoCreateLogGroups);
    CallLog calls = new CallLog(clock);
    Faults faults = new Faults(options.faultSeed, lifecycle);
    ExecSessions sessions = new ExecSessions();
    EmulatorInitializer initializer =
        new EmulatorInitializer(
            EmulatedApi.operations(state, logs, lifecycle, sessions, clock),
            faults,
            calls,
            sessions,
            clock);
    EmulatorServer server;
    try {
      server = new EmulatorServer(options.host, options.port, initializer);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while binding", e);
    }
    String authority = options.host + ":" + server.port();
    sessions.webSocketBase("ws://" + authority);
    return new EcsEmulator(
        server, URI.create("http://" + authority), faults, calls, options, owned);
  }

  /** The endpoint for the SDK's {@code endpointOverride}, e.g. {@code http://127.0.0.1:4566}. */
  public URI endpoint() {
    return endpoint;
  }

  /** Fault injection and out-of-band task events. */
  public Faults faults() {
    return faults;
  }

  /** The calls answered so far. */
  public CallLog calls() {
    return calls;
  }

  public String region() {
    return region;
  }

  public String accountId() {
    return accountId;
  }

  /**
   * The fargate provider settings (names without the {@code fargate-} prefix) that point it at this
   * emulator: region, network, both endpoints, static keys, an execution role and the first log
   * group created at start. Timings are left to the caller.
   */
  public Map<String, String> providerSettings() {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("region", region);
    s.put("subnets", "subnet-0a1b2c3d");
    s.put("security-groups", "sg-0a1b2c3d");
    s.put("ecs-endpoint", endpoint.toString());
    s.put("logs-endpoint", endpoint.toString());
    s.put("access-key-id", "AKIDEMULATOR");
    s.put("secret-access-key", "emulator-secret");
    s.put("execution-role-arn", "arn:aws:iam::" + accountId + ":role/ecsTaskExecutionRole");
    if (!logGroups.isEmpty()) {
      s.put("log-group", logGroups.get(0));
    }
    return s;
  }

  /** Stops serving and the simulation; idempotent. */
  @Override
  public void close() {
    server.close();
    if (ownedScheduler != null) {
      try {
        ownedScheduler.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** Runs the emulator until the process is stopped; see {@link CommandLine} for flags. */
  public static void main(String[] args) throws InterruptedException {
    EmulatorOptions options;
    try {
      options = CommandLine.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(CommandLine.USAGE);
      System.exit(2);
      return;
    }
    EcsEmulator emulator = start(options);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  emulator.close();
                  stopped.countDown();
                }));
    System.out.println(
        "ECS emulator listening on "
            + emulator.endpoint()
            + " (region "
            + emulator.region()
            + ", account "
            + emulator.accountId()
            + ")");
    System.out.println("ENDPOINT=" + emulator.endpoint());
    System.out.flush();
    stopped.await();
  }
}
