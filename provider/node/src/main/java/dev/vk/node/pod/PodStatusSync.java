package dev.vk.node.pod;

import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;
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
 *
 * <p>What is kept of an offer is the UID and the status alone, and only until it is handled: a
 * provider's pod is a whole copy of the pod, and holding one per pod was a third copy beside the
 * informer's and the cloud's.
 */
public final class PodStatusSync implements KeyedWorkQueue.Handler {
  private final ApiPods pods;
  private final StatusWriter writer;
  private final Map<String, Offered> latest = new ConcurrentHashMap<>();
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
    latest.put(key, new Offered(providerPod.getMetadata().getUid(), providerPod.getStatus()));
    return Optional.of(key);
  }

  public void forget(String key) {
    latest.remove(key);
    handled.remove(key);
  }

  @Override
  public Outcome handle(String key) throws Exception {
    Offered offered = latest.get(key);
    V1Pod pod = pods.get(key);
    if (offered == null || pod == null || !Objects.equals(offered.uid(), PodFacts.uid(pod))) {
      return Outcome.DONE; // kept: the informer may not have this pod yet
    }
    if (PodFacts.deleting(pod)) {
      podQueue.accept(key);
    }
    // A pod that finished stays finished; the API server also rejects leaving a terminal phase.
    if (!PodFacts.terminal(pod)) {
      writer.write(pod, copy(offered.status()));
      handled.put(key, Handled.of(pod, offered.status())); // not after a failed write: retried
    }
    latest.remove(key, offered); // a newer offer stays for its own turn
    return Outcome.DONE;
  }

  /** Statuses offered and not yet handled; tests check that handled ones are let go. */
  int held() {
    return latest.size();
  }

  /** A provider's status for the pod with this UID. */
  private record Offered(String uid, V1PodStatus status) {}

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
