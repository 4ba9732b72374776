package dev.vk.node.pod;

import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the rule that a pod's status never moves backwards: every status the node writes passes here
 * ({@link StatusWriter}). A status that contradicts the pod's history ({@link StatusRegressions})
 * is refused and the API keeps the fuller one; otherwise what only grows is carried forward. Pods
 * the node itself had started afresh at the provider ({@link #renewed}) may start their container
 * history over. Thread-safe; never blocks.
 */
final class StatusGuard {
  private static final Logger logger = LoggerFactory.getLogger(StatusGuard.class);

  /** Renewed pods, by UID: whether a status showing the renewal (not all running) was seen. */
  private final Map<String, Boolean> renewed = new ConcurrentHashMap<>();

  private final Map<String, String> lastRefusal = new ConcurrentHashMap<>();
  private final AtomicLong refusals = new AtomicLong();

  /**
   * The pod's containers are being started afresh at the provider because the node asked for it
   * (created again after the provider lost it, redeployed for an update): until they all run again,
   * a status showing them waiting from scratch is an observation, not a regression. Idempotent.
   */
  void renewed(String uid) {
    renewed.put(uid, false);
  }

  /** Forgets a pod that is gone. Idempotent. */
  void forget(String uid) {
    renewed.remove(uid);
    lastRefusal.remove(uid);
  }

  /**
   * What to write for {@code pod} instead of {@code proposed}: empty when it would move the pod's
   * status backwards, else {@code proposed} with its history carried forward (modified in place).
   */
  Optional<V1PodStatus> admit(V1Pod pod, V1PodStatus proposed) {
    String uid = PodFacts.uid(pod);
    String policy = pod.getSpec() == null ? null : pod.getSpec().getRestartPolicy();
    Optional<String> regression =
        StatusRegressions.find(pod.getStatus(), proposed, policy, renewed.containsKey(uid));
    if (regression.isPresent()) {
      refusals.incrementAndGet();
      // Once per pod and reason: a provider that keeps proposing it would flood the log.
      if (!Objects.equals(lastRefusal.put(uid, regression.get()), regression.get())) {
        logger.info(
            "Not writing the status of {}: {} (kept what the API has)",
            PodFacts.key(pod),
            regression.get());
      }
      return Optional.empty();
    }
    lastRefusal.remove(uid);
    StatusRegressions.carryForward(pod.getStatus(), proposed);
    // Renewal ends when the fresh containers run; a status from before the renewal ends nothing.
    boolean running = allRunning(proposed);
    renewed.computeIfPresent(
        uid, (k, sawRestart) -> !running ? Boolean.TRUE : sawRestart ? null : sawRestart);
    return Optional.of(proposed);
  }

  /** Statuses refused so far, for metrics and tests. */
  long refusals() {
    return refusals.get();
  }

  private static boolean allRunning(V1PodStatus s) {
    return s.getContainerStatuses() != null
        && !s.getContainerStatuses().isEmpty()
        && s.getContainerStatuses().stream()
            .allMatch(c -> c.getState() != null && c.getState().getRunning() != null);
  }
}
