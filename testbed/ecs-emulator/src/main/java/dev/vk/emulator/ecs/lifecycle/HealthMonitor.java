package dev.vk.emulator.ecs.lifecycle;

import dev.vk.emulator.ecs.state.ContainerDefinition.HealthCheck;
import dev.vk.emulator.ecs.state.ContainerState;
import dev.vk.emulator.ecs.state.EcsState;
import dev.vk.emulator.ecs.state.Task;
import dev.vk.emulator.ecs.time.Scheduler;
import dev.vk.provider.mock.shell.ShellTimeline;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Runs one container's healthCheck as ECS (Docker) does: the first check one {@code interval} after
 * the container starts, then one {@code interval} after each check ends. A check passes when its
 * command exits 0 within {@code timeout}; it runs in the emulated shell over the container's files
 * and environment, its sleeps taking virtual time. {@code healthStatus} stays UNKNOWN until the
 * first counted result, turns HEALTHY on a pass and UNHEALTHY after {@code retries} consecutive
 * failures; failures within {@code startPeriod} do not count unless a check has already passed.
 * Only the health status changes: like ECS, nothing is stopped for being unhealthy (a service would
 * replace the task; a standalone task keeps running).
 */
final class HealthMonitor {
  private final Task task;
  private final ContainerState container;
  private final HealthCheck check;
  private final Map<String, String> env;
  private final Scheduler scheduler;
  private final EcsState state;
  private final Runnable changed;
  private final Instant started;
  private boolean passedOnce;
  private int failures;

  HealthMonitor(
      Task task,
      ContainerState container,
      Map<String, String> env,
      Scheduler scheduler,
      EcsState state,
      Runnable changed) {
    this.task = task;
    this.container = container;
    this.check = container.definition().healthCheck();
    this.env = Map.copyOf(env);
    this.scheduler = scheduler;
    this.state = state;
    this.changed = changed;
    this.started = scheduler.clock().instant();
  }

  /** Schedules the first check. */
  void start() {
    scheduler.schedule(check.interval(), this::runCheck);
  }

  private boolean watching() {
    return container.running() && !task.stopping();
  }

  private void runCheck() {
    synchronized (state) {
      if (!watching()) {
        return;
      }
      ShellTimeline result = ShellTimeline.run(check.argv(), env, container.files());
      boolean timedOut = result.runTime().compareTo(check.timeout()) > 0;
      boolean passed = result.status() == 0 && !timedOut;
      Duration took = timedOut ? check.timeout() : result.runTime();
      scheduler.schedule(took, () -> record(passed));
    }
  }

  private void record(boolean passed) {
    synchronized (state) {
      if (!watching()) {
        return;
      }
      String before = container.healthStatus;
      if (passed) {
        passedOnce = true;
        failures = 0;
        container.healthStatus = "HEALTHY";
      } else if (passedOnce || !inStartPeriod()) {
        failures++;
        if (failures >= check.retries()) {
          container.healthStatus = "UNHEALTHY";
        }
      }
      if (!before.equals(container.healthStatus)) {
        task.touch();
        changed.run();
      }
      scheduler.schedule(check.interval(), this::runCheck);
    }
  }

  private boolean inStartPeriod() {
    return scheduler.clock().instant().isBefore(started.plus(check.startPeriod()));
  }
}
