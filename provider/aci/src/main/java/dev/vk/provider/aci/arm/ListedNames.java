package dev.vk.provider.aci.arm;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which group names the resource group's last complete list held (every group, this node's or not),
 * which names this instance has written or deleted since that list began, and which it deleted
 * itself (ARM answered 200 or 204) since. A name listed by neither, or deleted by this instance and
 * not written since, is known to be free, so creating its pod needs no GET first: only this
 * instance creates groups for its pods; a name it deleted is known to be gone, so asking whether
 * its pod still runs needs none either. Until a first list has completed only deleted names are
 * known to be free. Thread-safe; never blocks.
 */
public final class ListedNames {

  private long sequence; // guarded by this
  private Set<String> listed; // guarded by this; null before the first complete list
  private final Map<String, Long> touched = new HashMap<>(); // guarded by this
  private final Map<String, Long> deleted = new HashMap<>(); // guarded by this

  /** Marks the start of a list; pass the result to {@link #listed}. */
  public synchronized long listing() {
    return ++sequence;
  }

  /** A list begun at {@code started} has completed with {@code names}. */
  public synchronized void listed(long started, Set<String> names) {
    listed = Set.copyOf(names);
    touched.values().removeIf(at -> at < started);
    deleted.values().removeIf(at -> at < started);
  }

  /**
   * This instance is about to write or delete the group {@code name}, or has just done so (a list
   * that began while the request was on its way may not show its outcome).
   */
  public synchronized void touching(String name) {
    deleted.remove(name);
    touched.put(name, ++sequence);
  }

  /** ARM answered this instance's DELETE of {@code name}: the group is gone. */
  public synchronized void deleted(String name) {
    touched.remove(name);
    deleted.put(name, ++sequence);
  }

  /**
   * No group {@code name} existed at the last list and this instance has not touched it since, or
   * this instance deleted it last. A list is not a snapshot: a group deleted while it is paged
   * shifts the rest, so a group that exists can be missing from it. Fit to skip the GET before a
   * create (a PUT by name of a group that exists anyway is answered and checked), not to tell that
   * a pod stopped.
   */
  public synchronized boolean knownFree(String name) {
    return knownGone(name)
        || listed != null && !listed.contains(name) && !touched.containsKey(name);
  }

  /**
   * This instance deleted the group {@code name} (ARM answered 200 or 204) and has not written it
   * since.
   */
  public synchronized boolean knownGone(String name) {
    return deleted.containsKey(name);
  }
}
