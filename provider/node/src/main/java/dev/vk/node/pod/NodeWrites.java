package dev.vk.node.pod;

import io.kubernetes.client.openapi.models.V1Pod;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one owner of what the node itself writes on its pods, so that its own writes coming back
 * through the watch are not taken for a user's change. The node writes the status (StatusWriter)
 * and the annotations providers report through {@code KubernetesAccess.annotate}; the API server
 * adds resourceVersion and managedFields to every write. A pod is synced again only when its user
 * changed what a provider acts on: container images, the active deadline, labels and the
 * annotations the node did not write. Thread-safe; every method is cheap and never blocks.
 *
 * <p>It also holds the annotations not yet written, by pod UID: the pod's next status write carries
 * them (annotations may change through {@code pods/status}), which saves a write and a watch event
 * per pod; whoever asked for them writes them alone if no status write took them in time.
 */
public final class NodeWrites {
  private final Set<String> annotationKeys = ConcurrentHashMap.newKeySet();
  private final Map<String, Map<String, String>> pending = new ConcurrentHashMap<>(); // by UID

  /**
   * Records annotation keys the node is about to write on a pod. Call before the write, so that its
   * watch event already finds them here. Idempotent.
   */
  public void annotating(Collection<String> keys) {
    annotationKeys.addAll(keys);
  }

  /**
   * Keeps annotations for the pod with this UID until a write takes them ({@link #annotated}); a
   * later value of a key replaces an earlier one. Records their keys as {@link #annotating} does.
   */
  public void annotate(String uid, Map<String, String> annotations) {
    annotating(annotations.keySet());
    pending.merge(
        uid,
        Map.copyOf(annotations),
        (held, more) -> {
          Map<String, String> all = new HashMap<>(held);
          all.putAll(more);
          return Map.copyOf(all);
        });
  }

  /** The annotations still to write on the pod with this UID; empty when none. */
  public Map<String, String> pendingAnnotations(String uid) {
    return pending.getOrDefault(uid, Map.of());
  }

  /**
   * Records that {@code written} reached the pod with this UID (or that the pod is gone): those
   * values are no longer pending. A value changed meanwhile stays. Idempotent.
   */
  public void annotated(String uid, Map<String, String> written) {
    pending.computeIfPresent(
        uid,
        (k, held) -> {
          Map<String, String> left = new HashMap<>(held);
          left.entrySet().removeAll(written.entrySet());
          return left.isEmpty() ? null : Map.copyOf(left);
        });
  }

  /** Whether the node writes this annotation itself (then a change of it is not the user's). */
  public boolean wroteAnnotation(String key) {
    return annotationKeys.contains(key);
  }

  /**
   * Whether a watch update from {@code before} to {@code after} is one the pod syncer must act on:
   * a user change the provider cares about, a deletion that began, or another pod under the name.
   */
  public boolean needsSync(V1Pod before, V1Pod after) {
    return userChanged(UserFields.of(before), UserFields.of(after))
        || PodFacts.deleting(before) != PodFacts.deleting(after)
        || !PodFacts.sameUid(before, after);
  }

  /**
   * Whether the user changed, from {@code sent} to {@code now}, something the provider acts on.
   * Both are judged with the node's current knowledge of its own writes, so a key the node learned
   * to write after {@code sent} was taken does not count as a change.
   */
  public boolean userChanged(UserFields sent, UserFields now) {
    return !sent.images().equals(now.images())
        || !Objects.equals(sent.activeDeadlineSeconds(), now.activeDeadlineSeconds())
        || !sent.labels().equals(now.labels())
        || !userAnnotations(sent).equals(userAnnotations(now));
  }

  private Map<String, String> userAnnotations(UserFields fields) {
    Map<String, String> user = new HashMap<>(fields.annotations());
    user.keySet().removeIf(this::wroteAnnotation);
    return user;
  }
}
