package dev.vk.provider.fargate.pods;

import dev.vk.provider.fargate.ecs.LaunchConfig;
import dev.vk.provider.fargate.ecs.RunTaskLimiter;
import dev.vk.provider.fargate.ecs.TaskDefinitionRegistry;
import dev.vk.provider.fargate.ecs.TaskLauncher;
import dev.vk.provider.fargate.ecs.TaskReader;
import dev.vk.provider.fargate.mapping.TaskDefinitionMapper;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import software.amazon.awssdk.services.ecs.EcsClient;

/** Wires the pod side (service, status sync, restarts) and owns its two threads. */
public final class PodEngine implements AutoCloseable {
  private final PodService service;
  private final StatusSync sync;
  private final ScheduledExecutorService scheduler;
  private final ExecutorService restarts;

  public PodEngine(
      EcsClient ecs,
      LaunchConfig launch,
      TaskDefinitionMapper mapper,
      double runTaskRate,
      Duration statusInterval,
      Duration transitionInterval,
      Clock clock) {
    PodRegistry registry = new PodRegistry();
    TaskLauncher launcher =
        new TaskLauncher(
            ecs, launch, new TaskDefinitionRegistry(ecs), new RunTaskLimiter(runTaskRate));
    this.restarts = Executors.newFixedThreadPool(2, daemon("fargate-restart"));
    this.sync =
        new StatusSync(
            registry,
            new TaskReader(ecs, launch.cluster(), launch.startedBy()),
            new Restarter(launcher, restarts),
            clock,
            statusInterval,
            launch.clusterId());
    this.service = new PodService(registry, mapper, launcher, sync, clock);
    this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon("fargate-status"));
    long period = transitionInterval.toMillis();
    scheduler.scheduleWithFixedDelay(sync::tickQuietly, period, period, TimeUnit.MILLISECONDS);
  }

  public PodService pods() {
    return service;
  }

  /** Registers the status listener; must not block. */
  public void listen(Consumer<V1Pod> listener) {
    sync.listen(listener);
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    restarts.shutdownNow();
  }

  private static ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
