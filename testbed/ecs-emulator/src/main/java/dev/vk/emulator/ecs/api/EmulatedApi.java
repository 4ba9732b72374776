package dev.vk.emulator.ecs.api;

import dev.vk.emulator.ecs.exec.ExecSessions;
import dev.vk.emulator.ecs.http.OperationRegistry;
import dev.vk.emulator.ecs.lifecycle.TaskLifecycle;
import dev.vk.emulator.ecs.logs.LogStore;
import dev.vk.emulator.ecs.state.EcsState;
import java.time.Clock;

/** Every emulated ECS, CloudWatch Logs, CloudWatch and SSM operation, registered in one place. */
public final class EmulatedApi {
  private EmulatedApi() {}

  public static OperationRegistry operations(
      EcsState state, LogStore logs, TaskLifecycle lifecycle, ExecSessions sessions, Clock clock) {
    OperationRegistry registry = new OperationRegistry();
    new ClusterOperations(state).register(registry);
    new TaskDefinitionOperations(state, clock).register(registry);
    new RunTaskOperation(state, lifecycle).register(registry);
    new TaskOperations(state, lifecycle, clock).register(registry);
    new TagOperations(state).register(registry);
    new ExecuteCommandOperation(state, sessions).register(registry);
    new StartSessionOperation(state, sessions).register(registry);
    new LogGroupOperations(logs, clock).register(registry);
    new LogEventOperations(logs, clock).register(registry);
    new MetricDataOperation(state, clock).register(registry);
    return registry;
  }
}
