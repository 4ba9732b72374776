package dev.vk.node.pod;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.DaemonThreads;
import dev.vk.provider.PodLifecycle;
import dev.vk.provider.PodStatusNotifier;
import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the pods the scheduler binds to this node. The informer feeds the pod queue; provider status
 * feeds the status queue; a periodic reconcile (one provider call) catches drift, lost pods and
 * orphans. Startup reconciliation runs before any worker, so a restart adopts instead of
 * re-creating.
 */
public final class PodController implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(PodController.class);

  private final SharedIndexInformer<V1Pod> informer;
  private final PodLifecycle provider;
  private final KeyedWorkQueue podQueue;
  private final KeyedWorkQueue statusQueue;
  private final PodSyncer syncer;
  private final PodStatusSync statusSync;
  private final Reconciler reconciler;
  private final NodeWrites writes;
  private final Duration reconcileInterval;
  private final Duration pollInterval;
  private final List<Future<?>> loops = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(DaemonThreads.factory("pod-reconcile"));

  /** Everything the controller needs that is built outside it. */
  public record Parts(
      SharedIndexInformer<V1Pod> informer,
      ApiPods pods,
      PodLifecycle provider,
      PodSyncer syncer,
      StatusWriter statusWriter,
      PlacedPods placed,
      NodeWrites writes,
      int workers,
      Duration reconcileInterval,
      Duration pollInterval) {}

  public PodController(Parts parts) {
    this.informer = parts.informer();
    this.provider = parts.provider();
    this.reconcileInterval = parts.reconcileInterval();
    this.pollInterval = parts.pollInterval();
    this.syncer = parts.syncer();
    this.writes = parts.writes();
    this.podQueue =
        new KeyedWorkQueue(
            "pod-sync", parts.workers(), syncer, Duration.ofMillis(500), Duration.ofMinutes(2));
    this.statusQueue =
        new KeyedWorkQueue(
            "pod-status",
            parts.workers(),
            key -> statusSync().handle(key),
            Duration.ofMillis(500),
            Duration.ofMinutes(1));
    this.statusSync =
        new PodStatusSync(parts.pods(), parts.statusWriter(), statusQueue::add, podQueue::add);
    this.reconciler =
        new Reconciler(provider, parts.pods(), parts.placed(), statusSync::offer, podQueue::add);
    informer.addEventHandler(new Handler());
  }

  private PodStatusSync statusSync() {
    return statusSync;
  }

  /** Reconciles, then starts the workers and the periodic loops. Call after the cache synced. */
  public void start() throws ProviderException {
    if (provider instanceof PodStatusNotifier notifier) {
      notifier.notifyPods(statusSync::offer);
    }
    int orphans = reconciler.reconcile(true);
    logger.info("Startup reconciliation done: {} orphans deleted", orphans);
    podQueue.start();
    statusQueue.start();
    long every = reconcileInterval.toMillis();
    loops.add(
        timer.scheduleWithFixedDelay(
            () -> reconcileQuietly(), every, every, TimeUnit.MILLISECONDS));
    if (!(provider instanceof PodStatusNotifier)) {
      long poll = pollInterval.toMillis();
      loops.add(
          timer.scheduleWithFixedDelay(
              () -> reconcileQuietly(), poll, poll, TimeUnit.MILLISECONDS));
    }
  }

  /** The pod and status queues by name, for metrics. */
  public Map<String, KeyedWorkQueue> queues() {
    return Map.of("pod-sync", podQueue, "pod-status", statusQueue);
  }

  /** Handler errors the workers survived, for metrics. */
  public long workerCrashes() {
    return podQueue.crashes() + statusQueue.crashes();
  }

  /**
   * Why pods are no longer processed: a worker or the reconcile loop is gone. Cheap; for the
   * liveness check. Empty when healthy or closed.
   */
  public Optional<String> deadWork() {
    Optional<String> dead = podQueue.deadWorkers().or(statusQueue::deadWorkers);
    if (dead.isPresent() || timer.isShutdown()) {
      return dead;
    }
    // A periodic task that is done ended by an uncaught throwable: it never runs again.
    return loops.stream().anyMatch(Future::isDone)
        ? Optional.of("the reconcile loop stopped")
        : Optional.empty();
  }

  private void reconcileQuietly() {
    try {
      reconciler.reconcile(false);
    } catch (ProviderException | RuntimeException e) {
      logger.warn("Periodic reconcile failed: {}", e.getMessage());
    } catch (Error e) { // NOPMD: one bad reconcile must not end the loop
      logger.error("Periodic reconcile crashed; the loop goes on", e);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    podQueue.close();
    statusQueue.close();
  }

  /**
   * Queues a pod when its user changed something the provider acts on; the node's own writes
   * (status, its annotations) do not.
   */
  private final class Handler implements ResourceEventHandler<V1Pod> {
    @Override
    public void onAdd(V1Pod pod) {
      podQueue.add(PodFacts.key(pod));
    }

    @Override
    public void onUpdate(V1Pod before, V1Pod after) {
      if (writes.needsSync(before, after)) {
        podQueue.add(PodFacts.key(after));
      }
    }

    @Override
    public void onDelete(V1Pod pod, boolean finalStateUnknown) {
      syncer.deleted(pod);
      statusSync.forget(PodFacts.key(pod));
      podQueue.add(PodFacts.key(pod));
    }
  }
}
