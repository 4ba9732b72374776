package dev.vk.provider.mock;

import dev.vk.provider.DaemonThreads;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes each pod whose computed status changed since it was last pushed, from one daemon thread.
 * Statuses are a function of time, so the thread recomputes them every {@link #INTERVAL} and
 * compares: the mock sets no heartbeat-like fields, so plain equality means "nothing happened".
 * Each tick reads views of the pods whose status may still change (not of settled ones); only a pod
 * whose status changed is detached (deep-copied) for delivery, so a quiet tick costs no copies.
 */
final class StatusTicker implements AutoCloseable {

  static final Duration INTERVAL = Duration.ofMillis(250);

  private static final Logger logger = LoggerFactory.getLogger(StatusTicker.class);

  private final Supplier<List<V1Pod>> pods;
  private final UnaryOperator<V1Pod> detach;
  private final Consumer<V1Pod> callback;
  private final Map<String, V1PodStatus> delivered = new HashMap<>(); // by UID; guarded by this
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(DaemonThreads.factory("mock-provider-status"));

  /**
   * @param pods the current pods whose status may have changed, with their status (a pod left out
   *     is settled or gone); must not hold a lock that {@link #deliverFinal} callers hold, since
   *     ticks call it while holding this ticker's lock; they may share model objects with the
   *     mock's state
   * @param detach turns such a view into a pod that shares nothing with the mock's state
   */
  StatusTicker(Supplier<List<V1Pod>> pods, UnaryOperator<V1Pod> detach, Consumer<V1Pod> callback) {
    this.pods = pods;
    this.detach = detach;
    this.callback = callback;
  }

  void start() {
    scheduler.scheduleWithFixedDelay(
        this::tickSafely, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Delivers every pod whose status differs from the last one delivered for its UID. */
  synchronized void tick() {
    Set<String> present = new HashSet<>();
    for (V1Pod pod : pods.get()) {
      String uid = pod.getMetadata().getUid();
      present.add(uid);
      if (!pod.getStatus().equals(delivered.get(uid))) {
        delivered.put(uid, pod.getStatus());
        callback.accept(detach.apply(pod));
      }
    }
    // Forget pods not listed (deleted, or settled after their last push), so memory does not grow
    // with the pods: a settled pod is listed (and pushed) again only when an update re-tracks it.
    delivered.keySet().retainAll(present);
  }

  /** Delivers the final status of a pod that has just left the mock. */
  synchronized void deliverFinal(V1Pod pod) {
    delivered.remove(pod.getMetadata().getUid());
    callback.accept(pod);
  }

  /** Stops the thread; may block up to a second for a tick in progress. */
  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void tickSafely() {
    try {
      tick();
    } catch (RuntimeException e) {
      // An exception would cancel the schedule and silently end all notifications.
      logger.warn("Pushing pod statuses failed; retrying next tick", e);
    }
  }
}
