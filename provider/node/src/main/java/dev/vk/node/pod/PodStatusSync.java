package dev.vk.node.pod;

import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Carries pod status from the provider to the API server. Status arrives from the provider's push,
 * the status poll or the reconcile; only the newest per pod is kept, and it is written only if it
 * changed. The status work queue runs {@link #handle}; whoever offers a status queues its key. A
 * status already handled while the cached pod has not changed since is not queued again: the
 * periodic reconcile offers every pod's status, and handling each (a copy, the guard, a comparison)
 * made the node's CPU per pod grow with its pod count.
 */
public final class PodStatusSync implements KeyedWorkQueue.Handler {
  private final ApiPods pods;
  private final StatusWriter writer;
  private final Map<String, V1Pod> latest = new ConcurrentHashMap<>();
  private final Map<String, Handled> handled = new ConcurrentHashMap<>();
  private final Consumer<String> podQueue;

  /**
   * @param podQueue enqueues a key for the pod syncer (a terminating pod may now be stopped)
   */
  public PodStatusSync(ApiPods pods, StatusWriter writer, Consumer<String> podQueue) {
    this.pods = pods;
    this.writer = writer;
    this.podQueue = podQueue;
  }

  /**
   * Keeps the provider's view of a pod until {@link #handle} writes it. Cheap and non-blocking: the
   * provider calls it. A pod without status (the provider knows it exists, not yet its state) is
   * ignored: it must not take the place of a status already waiting to be written.
   *
   * @return the pod's key to queue for {@link #handle}, or empty when there is nothing to write
   */
  public Optional<String> offer(V1Pod providerPod) {
    if (providerPod.getStatus() == null) {
      return Optional.empty();
    }
    String key = PodFacts.key(providerPod);
    Handled last = handled.get(key);
    if (last != null
        && last.version() != null // without versions (test fakes) nothing tells a change
        && last.equals(Handled.of(pods.get(key), providerPod.getStatus()))) {
      return Optional.empty();
    }
    latest.put(key, providerPod);
    return Optional.of(key);
  }

  public void forget(String key) {
    latest.remove(key);
    handled.remove(key);
  }

  @Override
  public Outcome handle(String key) throws Exception {
    V1Pod providerPod = latest.get(key);
    V1Pod pod = pods.get(key);
    if (providerPod == null || pod == null || !PodFacts.sameUid(pod, providerPod)) {
      return Outcome.DONE;
    }
    if (PodFacts.deleting(pod)) {
      podQueue.accept(key);
    }
    V1PodStatus status = providerPod.getStatus();
    // A pod that finished stays finished; the API server also rejects leaving a terminal phase.
    if (status == null || PodFacts.terminal(pod)) {
      return Outcome.DONE;
    }
    writer.write(pod, copy(status));
    handled.put(key, Handled.of(pod, status)); // not after a failed write: that is retried
    return Outcome.DONE;
  }

  /**
   * A provider status handled for a pod as the cache had it: the same status offered again while
   * the cache still shows that version would change nothing.
   */
  private record Handled(String version, int fingerprint) {
    static Handled of(V1Pod pod, V1PodStatus status) {
      String version = pod == null ? null : pod.getMetadata().getResourceVersion();
      return new Handled(version, StatusComparison.summary(status).hashCode());
    }
  }

  /** The writer fills fields in; never touch the provider's own object. */
  private static V1PodStatus copy(V1PodStatus status) {
    try {
      return V1PodStatus.fromJson(status.toJson());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
