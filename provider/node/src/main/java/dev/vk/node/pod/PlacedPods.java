package dev.vk.node.pod;

import io.kubernetes.client.openapi.models.V1Pod;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this process knows it placed at the provider (created or adopted), by pod UID, with what it
 * last sent of the fields its user may change. A placed pod the provider no longer has has
 * vanished; one it never placed is simply created.
 */
public final class PlacedPods {
  /** Stands for a pod adopted after a restart, whose sent fields are unknown. */
  private static final UserFields UNKNOWN = new UserFields(null, null, null, null);

  private final Map<String, UserFields> sent = new ConcurrentHashMap<>();
  private final Set<String> deleting = ConcurrentHashMap.newKeySet();
  private final ProviderKeys keys = new ProviderKeys();
  private final NodeWrites writes;

  /**
   * @param writes what the node writes itself, which is never a reason to update a pod
   */
  public PlacedPods(NodeWrites writes) {
    this.writes = writes;
  }

  /** Records that the provider now runs {@code pod} as the node sent it. */
  public void placed(String uid, V1Pod pod) {
    sent.put(uid, UserFields.of(pod));
  }

  public boolean contains(String uid) {
    return sent.containsKey(uid);
  }

  /** Records a pod found at the provider whose sent fields are unknown (after a restart). */
  public void adopted(String uid) {
    sent.putIfAbsent(uid, UNKNOWN);
  }

  /**
   * Whether the provider must be given {@code pod} again: its user changed something the provider
   * acts on since the node sent it. For a pod adopted after a restart only the images of the
   * provider's copy {@code running} can tell. Cheap; never blocks.
   */
  public boolean needsUpdate(V1Pod pod, V1Pod running) {
    UserFields last = sent.get(PodFacts.uid(pod));
    if (last == null || last == UNKNOWN) {
      // After a restart we know only what the provider shows; images are what it surely keeps.
      return !PodFacts.images(pod).equals(PodFacts.images(running));
    }
    return writes.userChanged(last, UserFields.of(pod));
  }

  /** Remembers that the provider was asked to delete the pod, so it is asked once. */
  public void markDeleting(String uid) {
    deleting.add(uid);
  }

  public boolean isDeleting(String uid) {
    return deleting.contains(uid);
  }

  public void forget(String uid) {
    sent.remove(uid);
    deleting.remove(uid);
  }

  /** The keys under which the provider may hold a pod, which a create must read first. */
  ProviderKeys keys() {
    return keys;
  }

  public int size() {
    return sent.size();
  }
}
