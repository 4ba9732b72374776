package dev.vk.provider.aci.status;

import com.azure.resourcemanager.containerinstance.fluent.models.ContainerGroupInner;
import dev.vk.provider.aci.arm.GroupTags;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the provider last learned about each group from a GET: the pod it maps to and the list
 * signature it had then. A list entry whose signature is unchanged can reuse the cached status, so
 * neither the notifier nor getPods needs a GET per steady group. Thread-safe.
 */
public final class GroupCache {

  /**
   * A fetched group: its pod (with status), its list signature, when it was fetched, and when a GET
   * last found its status different from the one before.
   */
  public record Entry(V1Pod pod, String signature, Instant fetchedAt, Instant changedAt) {

    /** An entry whose status changed when it was fetched (or that nobody compares). */
    Entry(V1Pod pod, String signature, Instant fetchedAt) {
      this(pod, signature, fetchedAt, fetchedAt);
    }
  }

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  /**
   * What a list entry shows that can change: provisioning state, the pod UID tag and the
   * containers' images. ACI lists carry no instance view, so a container exit does not change it.
   */
  static String signature(ContainerGroupInner group) {
    StringBuilder s = new StringBuilder();
    s.append(group.provisioningState()).append('|');
    s.append(GroupTags.get(group, GroupTags.UID).orElse("")).append('|');
    if (group.containers() != null) {
      group.containers().forEach(c -> s.append(c.name()).append('=').append(c.image()).append(','));
    }
    return s.toString();
  }

  void put(String name, Entry entry) {
    entries.put(name, entry);
  }

  Optional<Entry> get(String name) {
    return Optional.ofNullable(entries.get(name));
  }

  /** The cached pod when {@code listed} still has the signature it had when fetched. */
  public Optional<V1Pod> fresh(String name, ContainerGroupInner listed) {
    return get(name).filter(e -> e.signature().equals(signature(listed))).map(Entry::pod);
  }

  /**
   * True when the last GET of group {@code name} found it this node's (only owned groups are
   * cached) and tagged with pod {@code uid}.
   */
  public boolean holds(String name, String uid) {
    Entry entry = entries.get(name);
    return entry != null && uid.equals(entry.pod().getMetadata().getUid());
  }

  /** Forgets a deleted group. */
  public void remove(String name) {
    entries.remove(name);
  }

  /** Drops groups that are no longer listed. */
  void retain(java.util.Set<String> names) {
    entries.keySet().retainAll(names);
  }

  /** A copy of every entry, by group name, for readers that need them all (pod metrics). */
  public Map<String, Entry> snapshot() {
    return Map.copyOf(entries);
  }
}
