package dev.vk.emulator.ecs.lifecycle;

import dev.vk.emulator.ecs.fault.TaskControl;
import dev.vk.emulator.ecs.logs.LogStore;
import dev.vk.emulator.ecs.state.ContainerState;
import dev.vk.emulator.ecs.state.EcsState;
import dev.vk.emulator.ecs.state.Task;
import dev.vk.emulator.ecs.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Drives tasks through ECS's lifecycle: PROVISIONING, PENDING, ACTIVATING, RUNNING, then
 * DEACTIVATING, STOPPING, DEPROVISIONING, STOPPED, with the timestamps, stopCode and ENI attachment
 * status ECS reports at each step.
 */
public final class TaskLifecycle implements TaskControl, ContainerRunner.Listener {
  /** Exit status of a process killed when its task stops (SIGKILL after the stop timeout). */
  public static final int KILLED = 137;

  private final EcsState state;
  private final Scheduler scheduler;
  private final LifecycleTimings timings;
  private final ContainerRunner containers;

  public TaskLifecycle(
      EcsState state,
      LogStore logs,
      Scheduler scheduler,
      LifecycleTimings timings,
      boolean autoCreateLogGroups) {
    this.state = state;
    this.scheduler = scheduler;
    this.timings = timings;
    this.containers =
        new ContainerRunner(state, logs, scheduler, timings, autoCreateLogGroups, this);
  }

  public LifecycleTimings timings() {
    return timings;
  }

  /** Starts simulating a task RunTask just created (lastStatus PROVISIONING). */
  public void launch(Task task) {
    task.createdAt = now();
    after(timings.provisioning(), task, this::provisioned);
  }

  /** Asks a task to stop; the caller holds the state lock. A second request changes nothing. */
  public void stop(Task task, String stopCode, String reason) {
    if (task.stopping()) {
      return;
    }
    task.desiredStatus = "STOPPED";
    task.stopCode = stopCode;
    task.stoppedReason = reason;
    task.stoppingAt = now();
    task.touch();
    boolean active = "ACTIVATING".equals(task.lastStatus) || "RUNNING".equals(task.lastStatus);
    if (active) {
      after(Duration.ZERO, task, this::deactivate);
    } else {
      after(Duration.ZERO, task, this::stopContainers);
    }
  }

  private void provisioned(Task task) {
    if (task.stopping()) {
      return;
    }
    Instant now = now();
    task.lastStatus = "PENDING";
    task.attachmentStatus = "ATTACHED";
    task.connectivity = "CONNECTED";
    task.connectivityAt = now;
    task.pullStartedAt = now;
    task.touch();
    after(timings.pull(), task, this::pulled);
  }

  private void pulled(Task task) {
    if (task.stopping()) {
      return;
    }
    task.pullStoppedAt = now();
    String failure = containers.prepare(task);
    if (failure != null) {
      stop(task, "TaskFailedToStart", failure);
      return;
    }
    progress(task);
  }

  @Override
  public void containerChanged(Task task, ContainerState container) {
    task.healthStatus = TaskHealth.of(task);
    if (container.stopped() && container.definition().essential() && !task.stopping()) {
      stop(task, "EssentialContainerExited", "Essential container in task exited");
      return;
    }
    progress(task);
  }

  private void progress(Task task) {
    boolean live =
        "PENDING".equals(task.lastStatus)
            || "ACTIVATING".equals(task.lastStatus)
            || "RUNNING".equals(task.lastStatus);
    if (task.stopping() || !live) {
      return;
    }
    if (!containers.startEligible(task)) {
      stop(task, "TaskFailedToStart", containerReason(task));
      return;
    }
    boolean allStarted = task.containers.stream().noneMatch(ContainerState::pending);
    if ("PENDING".equals(task.lastStatus) && allStarted) {
      task.lastStatus = "ACTIVATING";
      task.touch();
      after(timings.activating(), task, this::activated);
    }
  }

  private void activated(Task task) {
    if (task.stopping()) {
      return;
    }
    task.lastStatus = "RUNNING";
    task.startedAt = now();
    task.touch();
  }

  private void deactivate(Task task) {
    task.lastStatus = "DEACTIVATING";
    task.touch();
    after(timings.deactivating(), task, this::stopContainers);
  }

  private void stopContainers(Task task) {
    task.lastStatus = "STOPPING";
    containers.stopAll(task, KILLED);
    task.touch();
    after(timings.stopping(), task, this::deprovision);
  }

  private void deprovision(Task task) {
    task.lastStatus = "DEPROVISIONING";
    task.executionStoppedAt = now();
    task.attachmentStatus = "DETACHING";
    task.touch();
    after(timings.deprovisioning(), task, this::stopped);
  }

  private void stopped(Task task) {
    task.lastStatus = "STOPPED";
    task.attachmentStatus = "DELETED";
    task.stoppedAt = now();
    task.touch();
  }

  @Override
  public void stopTask(String taskArnOrId, String stopCode, String reason) {
    synchronized (state) {
      Task task = state.task(taskArnOrId).orElseThrow(() -> noTask(taskArnOrId));
      stop(task, stopCode, reason);
    }
  }

  @Override
  public void exitContainer(String taskArnOrId, String containerName, int exitCode) {
    synchronized (state) {
      Task task = state.task(taskArnOrId).orElseThrow(() -> noTask(taskArnOrId));
      ContainerState container =
          task.container(containerName)
              .orElseThrow(() -> new IllegalArgumentException("No container " + containerName));
      if (!container.running()) {
        throw new IllegalArgumentException("Container " + containerName + " is not running");
      }
      // The process belongs to the lifecycle thread; crash it there.
      after(Duration.ZERO, task, t -> containers.crash(container, exitCode));
    }
  }

  private static String containerReason(Task task) {
    return task.containers.stream()
        .filter(c -> c.reason != null)
        .map(c -> c.reason)
        .findFirst()
        .orElse("Task failed to start");
  }

  private static IllegalArgumentException noTask(String ref) {
    return new IllegalArgumentException("No task " + ref);
  }

  private void after(Duration delay, Task task, Consumer<Task> step) {
    scheduler.schedule(
        delay,
        () -> {
          synchronized (state) {
            step.accept(task);
          }
        });
  }

  private Instant now() {
    return scheduler.clock().instant();
  }
}
