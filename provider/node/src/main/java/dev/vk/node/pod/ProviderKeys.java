package dev.vk.node.pod;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pod keys (namespace/name) under which the provider may hold a pod, as far as this process can
 * tell: every key a provider list showed and every key the node created under, until the provider
 * answers that it holds nothing there. Until the startup reconcile has listed the provider, any key
 * may be held.
 *
 * <p>A key outside it needs no provider read before a create: nothing an older pod of the same name
 * left can be there. A list is not a snapshot (a paged cloud list shifts when entries are deleted
 * while it is read), so a key is never dropped because one list lacked it while its API pod exists:
 * the worst a wrong drop costs is a create against a pod the provider still holds, which fails or
 * is idempotent (same UID), and the key is held again from that create on, so the retry reads
 * first. Thread-safe; never blocks.
 */
final class ProviderKeys {
  private final Set<String> keys = ConcurrentHashMap.newKeySet();
  private volatile boolean listed;

  /** The keys of a complete provider list; the first one ends the time when any key may be held. */
  void listed(Collection<String> listedKeys) {
    keys.addAll(listedKeys);
    listed = true;
  }

  /** The node is about to create a pod under {@code key}. Call before the provider call. */
  void creating(String key) {
    keys.add(key);
  }

  /** The provider answered that it holds no pod under {@code key}. */
  void absent(String key) {
    keys.remove(key);
  }

  /**
   * Forgets keys that neither the provider's latest list nor the API server's pods have, so the set
   * does not grow with every name ever used (a provider may keep stopped pods for a while after the
   * API object is gone).
   */
  void keepOnly(Set<String> listedKeys, Set<String> apiKeys) {
    keys.removeIf(k -> !listedKeys.contains(k) && !apiKeys.contains(k));
  }

  /** Whether the provider may hold a pod under {@code key}, so a create must read first. */
  boolean mayHold(String key) {
    return !listed || keys.contains(key);
  }

  int size() {
    return keys.size();
  }
}
