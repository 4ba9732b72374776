package dev.vk.node.pod;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this process knows it placed at the provider (created or adopted), by pod UID, with the
 * fingerprint of the mutable fields it last sent. A placed pod the provider no longer has has
 * vanished; one it never placed is simply created.
 */
public final class PlacedPods {
  private final Map<String, String> fingerprints = new ConcurrentHashMap<>();
  private final Set<String> deleting = ConcurrentHashMap.newKeySet();

  public void placed(String uid, String fingerprint) {
    fingerprints.put(uid, fingerprint);
  }

  public boolean contains(String uid) {
    return fingerprints.containsKey(uid);
  }

  /** Records a pod found at the provider whose sent fields are unknown (after a restart). */
  public void adopted(String uid) {
    fingerprints.putIfAbsent(uid, "");
  }

  /** The fingerprint last sent, or null when unknown. */
  public String fingerprint(String uid) {
    String f = fingerprints.get(uid);
    return f == null || f.isEmpty() ? null : f;
  }

  /** Remembers that the provider was asked to delete the pod, so it is asked once. */
  public void markDeleting(String uid) {
    deleting.add(uid);
  }

  public boolean isDeleting(String uid) {
    return deleting.contains(uid);
  }

  public void forget(String uid) {
    fingerprints.remove(uid);
    deleting.remove(uid);
  }

  public int size() {
    return fingerprints.size();
  }
}
