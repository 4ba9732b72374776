package dev.vk.provider.fargate.pods;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.DaemonThreads;
import dev.vk.provider.KubernetesAccess;
import dev.vk.provider.fargate.ecs.LaunchConfig;
import dev.vk.provider.fargate.ecs.RunTaskLimiter;
import dev.vk.provider.fargate.ecs.TaskDefinitionCleaner;
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
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * Wires the pod side (service, task poller, restarts, task definition cleanup) and owns its
 * threads. Cleanup runs every {@value #CLEANUP_ROUNDS} status intervals (5 minutes by default):
 * stale revisions cost nothing but clutter, so it need not be sooner.
 */
public final class PodEngine implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PodEngine.class);
  static final int CLEANUP_ROUNDS = 12;
  private final PodService service;
  private final TaskPoller poller;
  private final ScheduledExecutorService scheduler;
  private final ExecutorService restarts;

  public PodEngine(
      EcsClient ecs,
      LaunchConfig launch,
      TaskDefinitionMapper mapper,
      RunTaskLimiter runTasks,
      Duration statusInterval,
      Duration transitionInterval,
      KubernetesAccess kubernetes,
      Clock clock) {
    PodRegistry registry = new PodRegistry();
    TaskDefinitionRegistry definitions = new TaskDefinitionRegistry(ecs, launch);
    TaskLauncher launcher = new TaskLauncher(ecs, launch, definitions, runTasks);
    this.restarts = Executors.newFixedThreadPool(2, DaemonThreads.factory("fargate-restart"));
    this.poller =
        new TaskPoller(
            registry,
            new TaskReader(ecs, launch.cluster(), launch.startedBy()),
            new Restarter(launcher, restarts),
            new LivenessEnforcer(launcher::stop, kubernetes),
            clock,
            launch.clusterId(),
            launch.nodeName());
    this.service = new PodService(registry, mapper, launcher, poller, kubernetes, clock);
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(DaemonThreads.factory("fargate-status"));
    long period = transitionInterval.toMillis();
    scheduler.scheduleWithFixedDelay(poller::tickQuietly, period, period, TimeUnit.MILLISECONDS);
    long listing = statusInterval.toMillis();
    scheduler.scheduleAtFixedRate(poller::listQuietly, listing, listing, TimeUnit.MILLISECONDS);
    TaskDefinitionCleaner cleaner =
        new TaskDefinitionCleaner(ecs, definitions, mapper.familyPrefix());
    long cleanup = statusInterval.toMillis() * CLEANUP_ROUNDS;
    scheduler.scheduleWithFixedDelay(
        () -> clean(cleaner, registry), cleanup, cleanup, TimeUnit.MILLISECONDS);
  }

  private void clean(TaskDefinitionCleaner cleaner, PodRegistry registry) {
    try {
      service.adoptTasks(); // adopted tasks count as in use
      cleaner.sweep(registry.familiesInUse());
    } catch (ProviderException e) {
      if (!scheduler.isShutdown()) {
        log.warn("Task definition cleanup failed, next round retries: {}", e.getMessage());
      }
    }
  }

  public PodService pods() {
    return service;
  }

  /** Registers the status listener; must not block. */
  public void listen(Consumer<V1Pod> listener) {
    poller.listen(listener);
  }

  @Override
  public void close() {
    poller.close();
    scheduler.shutdownNow();
    restarts.shutdownNow();
  }
}
