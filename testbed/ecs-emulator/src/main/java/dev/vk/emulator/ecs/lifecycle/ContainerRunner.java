package dev.vk.emulator.ecs.lifecycle;

import dev.vk.emulator.ecs.logs.LogStore;
import dev.vk.emulator.ecs.state.ContainerDefinition.AwsLogsConfig;
import dev.vk.emulator.ecs.state.ContainerState;
import dev.vk.emulator.ecs.state.EcsState;
import dev.vk.emulator.ecs.state.Task;
import dev.vk.emulator.ecs.time.Scheduler;
import java.time.Duration;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Starts, watches and stops the containers of tasks: image pull outcome, awslogs streams, dependsOn
 * ordering, health and exits. Called with the {@link EcsState} lock held.
 */
final class ContainerRunner {
  /** What the task lifecycle hears from its containers. */
  interface Listener {
    void containerChanged(Task task, ContainerState container);
  }

  private final EcsState state;
  private final LogStore logs;
  private final Scheduler scheduler;
  private final LifecycleTimings timings;
  private final boolean autoCreateLogGroups;
  private final Listener listener;
  private final Map<ContainerState, ContainerProcess> processes = new IdentityHashMap<>();

  ContainerRunner(
      EcsState state,
      LogStore logs,
      Scheduler scheduler,
      LifecycleTimings timings,
      boolean autoCreateLogGroups,
      Listener listener) {
    this.state = state;
    this.logs = logs;
    this.scheduler = scheduler;
    this.timings = timings;
    this.autoCreateLogGroups = autoCreateLogGroups;
    this.listener = listener;
  }

  /**
   * Pulls images and opens log streams; returns the task's stoppedReason if that fails. Images
   * whose reference contains {@code does-not-exist} fail to pull.
   */
  String prepare(Task task) {
    for (ContainerState container : task.containers) {
      String image = container.definition().image();
      if (image.contains("does-not-exist")) {
        container.reason =
            "CannotPullContainerError: pull image manifest has been retried 7 time(s): failed to"
                + " resolve ref "
                + image
                + ": not found";
        return container.reason;
      }
    }
    long now = scheduler.clock().millis();
    for (ContainerState container : task.containers) {
      AwsLogsConfig config = container.definition().logs();
      if (config == null) {
        continue;
      }
      if (!logs.hasGroup(config.group())) {
        if (!config.createGroup() && !autoCreateLogGroups) {
          return "ResourceInitializationError: failed to validate logger args: create stream has"
              + " been retried 1 times: failed to create Cloudwatch log stream:"
              + " ResourceNotFoundException: The specified log group does not exist. : exit"
              + " status 1";
        }
        logs.createGroup(config.group(), now);
      }
      logs.createStream(config.group(), config.streamName(container.name(), task.id), now);
    }
    return null;
  }

  /** Starts every pending container whose dependencies allow; false if one never can. */
  boolean startEligible(Task task) {
    boolean progress = true;
    while (progress && !task.stopping()) {
      progress = false;
      for (ContainerState container : task.containers) {
        if (!container.pending()) {
          continue;
        }
        Dependencies.Verdict verdict = Dependencies.evaluate(task, container);
        if (verdict == Dependencies.Verdict.NEVER) {
          container.reason = "CannotStartContainerError: " + Dependencies.unmet(task, container);
          return false;
        }
        if (verdict == Dependencies.Verdict.READY) {
          start(task, container);
          progress = true;
        }
      }
    }
    return true;
  }

  private void start(Task task, ContainerState container) {
    container.lastStatus = "RUNNING";
    container.startedAt = scheduler.clock().instant();
    container.runtimeId =
        task.id + "-" + (1_000_000_000L + ThreadLocalRandom.current().nextInt(1 << 30));
    if (task.enableExecuteCommand) {
      container.managedAgentStatus = "RUNNING";
      container.managedAgentStartedAt = container.startedAt;
    }
    AwsLogsConfig config = container.definition().logs();
    ContainerLog log =
        config == null
            ? new ContainerLog(logs, null, null, scheduler.clock())
            : new ContainerLog(
                logs,
                config.group(),
                config.streamName(container.name(), task.id),
                scheduler.clock());
    ContainerProcess process =
        new ContainerProcess(
            container.name(),
            container.argv(),
            scheduler,
            log,
            timings,
            status -> scheduler.schedule(Duration.ZERO, () -> exited(task, container, status)));
    processes.put(container, process);
    Map<String, String> env = environment(task, container);
    process.start(env, container.files());
    if (container.definition().hasHealthCheck()) {
      new HealthMonitor(
              task,
              container,
              env,
              scheduler,
              state,
              () -> listener.containerChanged(task, container))
          .start();
    }
    task.touch();
  }

  private Map<String, String> environment(Task task, ContainerState container) {
    Map<String, String> env = new HashMap<>(container.environment());
    env.putIfAbsent("HOSTNAME", task.eni.privateDnsName());
    env.putIfAbsent("AWS_REGION", state.region());
    env.putIfAbsent(
        "ECS_CONTAINER_METADATA_URI_V4", "http://169.254.170.2/v4/" + container.runtimeId);
    return env;
  }

  private void exited(Task task, ContainerState container, int status) {
    synchronized (state) {
      if (container.stopped()) {
        return;
      }
      processes.remove(container);
      markStopped(container, status);
      task.touch();
      listener.containerChanged(task, container);
    }
  }

  /** Out-of-band crash of a running container. */
  boolean crash(ContainerState container, int status) {
    ContainerProcess process = processes.get(container);
    if (process == null || !container.running()) {
      return false;
    }
    process.terminate(status);
    return true;
  }

  /** Stops every container of a stopping task; running ones report {@code signalStatus}. */
  void stopAll(Task task, int signalStatus) {
    for (ContainerState container : task.containers) {
      ContainerProcess process = processes.remove(container);
      if (process != null) {
        process.discard();
      }
      if (container.running()) {
        markStopped(container, signalStatus);
      } else if (container.pending()) {
        container.lastStatus = "STOPPED";
      }
    }
  }

  private static void markStopped(ContainerState container, int status) {
    container.lastStatus = "STOPPED";
    container.exitCode = status;
    if (container.managedAgentStatus != null) {
      container.managedAgentStatus = "STOPPED";
    }
  }
}
