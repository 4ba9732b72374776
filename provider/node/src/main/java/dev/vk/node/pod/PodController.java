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
 * (pushed, or polled every status-poll-interval from a provider that cannot push) feeds the status
 * queue; the reconcile (one provider call, every reconcile-interval) catches drift, lost pods and
 * orphans. The startup reconcile runs before any worker, so a restart adopts instead of
 * re-creating.
 */
public final class PodController implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(PodController.class);

  private final SharedIndexInformer<V1Pod> informer;
  private final PodLifecycle provider;
  private final StatusWriter statusWriter;
  private final PlacedPods placed;
  private final PodSyncer syncer;
  private final KeyedWorkQueue podQueue;
  private final PodStatusSync statusSync;
  private final KeyedWorkQueue statusQueue;
  private final Reconciler reconciler;
  private final StatusPoll statusPoll;
  private final NodeWrites writes;
  private final Duration reconcileInterval;
  private final Duration statusPollInterval;
  private final StartupList startupList;
  private final List<Future<?>> loops = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(DaemonThreads.factory("pod-reconcile"));

  /** The parts to build a controller from, set by name. */
  public static PodWiring wiring() {
    return new PodWiring();
  }

  /** Wires the pod path: each part is built after the parts it needs. */
  PodController(PodWiring w) {
    this.informer = w.informer;
    this.provider = w.provider;
    this.writes = w.nodeWrites;
    this.reconcileInterval = w.reconcileInterval;
    this.statusPollInterval = w.statusPollInterval;
    this.startupList = w.startupList;
    this.statusWriter = new StatusWriter(w.apiPods, w.nodeWrites, w.hostIp);
    this.placed = new PlacedPods(w.nodeWrites);
    this.syncer = new PodSyncer(w, statusWriter, placed);
    this.podQueue =
        new KeyedWorkQueue(
            "pod-sync", w.workers, syncer, Duration.ofMillis(500), Duration.ofMinutes(2));
    this.statusSync = new PodStatusSync(w.apiPods, statusWriter, podQueue::add);
    this.statusQueue =
        new KeyedWorkQueue(
            "pod-status", w.workers, statusSync, Duration.ofMillis(500), Duration.ofMinutes(1));
    this.reconciler = new Reconciler(provider, w.apiPods, placed, this::offer, podQueue::add);
    this.statusPoll = new StatusPoll(provider, w.apiPods, this::offer);
    informer.addEventHandler(new Handler());
  }

  /** Keeps the provider's status of a pod and queues it for writing. Non-blocking. */
  private void offer(V1Pod providerPod) {
    statusSync.offer(providerPod).ifPresent(statusQueue::add);
  }

  /**
   * Runs the startup reconcile (with the wiring's {@link StartupList} when it has one), then starts
   * the workers and the periodic loops. Call after the cache synced. Blocks on the provider.
   */
  public void start() throws ProviderException, InterruptedException {
    int orphans =
        startupList != null
            ? reconciler.reconcile(startupList.await(), true)
            : reconciler.reconcile(true);
    logger.info("Startup reconcile done: {} orphans deleted", orphans);
    // After the startup list, not beside it: a notifier's first round lists the cloud too, and two
    // lists at once share the provider's rate and the node's start.
    if (provider instanceof PodStatusNotifier notifier) {
      notifier.notifyPods(this::offer);
    }
    podQueue.start();
    statusQueue.start();
    every(reconcileInterval, "reconcile", () -> reconciler.reconcile(false));
    if (!(provider instanceof PodStatusNotifier)) {
      every(statusPollInterval, "status poll", statusPoll::poll);
    }
  }

  /** Writes pod statuses; its counters are metrics. */
  public StatusWriter statusWriter() {
    return statusWriter;
  }

  /** The pods this node placed or adopted at the provider; its size is a metric. */
  public PlacedPods placed() {
    return placed;
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
   * Why pods are no longer processed: a worker, the reconcile or the status poll loop is gone.
   * Cheap; for the liveness check. Empty when healthy or closed.
   */
  public Optional<String> deadWork() {
    Optional<String> dead = podQueue.deadWorkers().or(statusQueue::deadWorkers);
    if (dead.isPresent() || timer.isShutdown()) {
      return dead;
    }
    // A periodic task that is done ended by an uncaught throwable: it never runs again.
    return loops.stream().anyMatch(Future::isDone)
        ? Optional.of("the reconcile or status poll loop stopped")
        : Optional.empty();
  }

  /** A periodic provider call that may fail. */
  private interface Round {
    void run() throws ProviderException;
  }

  /** Runs {@code round} every {@code period}; a failed or crashed round leaves the loop running. */
  private void every(Duration period, String name, Round round) {
    long millis = period.toMillis();
    Runnable quietly =
        () -> {
          try {
            round.run();
          } catch (ProviderException | RuntimeException e) {
            logger.warn("Periodic {} failed: {}", name, e.getMessage());
          } catch (Error e) { // NOPMD: one bad round must not end the loop
            logger.error("Periodic {} crashed; the loop goes on", name, e);
          }
        };
    loops.add(timer.scheduleWithFixedDelay(quietly, millis, millis, TimeUnit.MILLISECONDS));
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
