package dev.vk.provider.aci.arm;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which group names the resource group's last complete list held (every group, this node's or not),
 * and which names this instance has written or deleted since that list began. A name in neither is
 * known to be free, so creating its pod needs no GET first: only this instance creates groups for
 * its pods. Until a first list has completed nothing is known to be free. Thread-safe; never
 * blocks.
 */
public final class ListedNames {

  private long sequence; // guarded by this
  private Set<String> listed; // guarded by this; null before the first complete list
  private final Map<String, Long> touched = new HashMap<>(); // guarded by this

  /** Marks the start of a list; pass the result to {@link #listed}. */
  public synchronized long listing() {
    return ++sequence;
  }

  /** A list begun at {@code started} has completed with {@code names}. */
  public synchronized void listed(long started, Set<String> names) {
    listed = Set.copyOf(names);
    touched.values().removeIf(at -> at < started);
  }

  /** This instance is about to write or delete the group {@code name}. */
  public synchronized void touching(String name) {
    touched.put(name, ++sequence);
  }

  /** No group {@code name} existed at the last list, and this instance has not touched it since. */
  public synchronized boolean knownFree(String name) {
    return listed != null && !listed.contains(name) && !touched.containsKey(name);
  }
}
