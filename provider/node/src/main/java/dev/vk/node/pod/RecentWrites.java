package dev.vk.node.pod;

import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last status this node wrote for each pod, kept until the informer's copy of the pod moves on.
 * Under load the informer delivers a write seconds after it was sent; meanwhile the cached pod
 * still shows the old status, and a status poll would patch the same status again (3.3 patches per
 * pod at 1000 pods before this). Only a fingerprint and a resourceVersion are kept per pod.
 * Thread-safe, non-blocking.
 */
final class RecentWrites {
  private record Written(String cachedVersion, int fingerprint) {}

  private final Map<String, Written> byUid = new ConcurrentHashMap<>();

  /**
   * Whether {@code status} is what this node last wrote for {@code pod} while the cache has not
   * moved since: the API server already has it.
   */
  boolean alreadySent(V1Pod pod, V1PodStatus status) {
    String uid = PodFacts.uid(pod);
    Written last = byUid.get(uid);
    if (last == null) {
      return false;
    }
    if (!last.cachedVersion().equals(version(pod))) {
      // The cache has caught up (or someone else wrote): it is the truth again.
      byUid.remove(uid, last);
      return false;
    }
    return last.fingerprint() == fingerprint(status);
  }

  /** Records a status sent for {@code pod} as the cache had it then. */
  void sent(V1Pod pod, V1PodStatus status) {
    String version = version(pod);
    if (version != null) {
      byUid.put(PodFacts.uid(pod), new Written(version, fingerprint(status)));
    }
  }

  void forget(String uid) {
    byUid.remove(uid);
  }

  private static String version(V1Pod pod) {
    return pod.getMetadata() == null ? null : pod.getMetadata().getResourceVersion();
  }

  private static int fingerprint(V1PodStatus status) {
    return StatusComparison.summary(status).hashCode();
  }
}
