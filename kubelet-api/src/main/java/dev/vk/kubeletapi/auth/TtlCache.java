package dev.vk.kubeletapi.auth;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A small map whose entries expire. Bounded: when full it drops expired entries, and if that is not
 * enough, everything (a burst of distinct keys must not grow memory without limit).
 */
final class TtlCache<K, V> {
  private record Entry<V>(V value, long expiresAt) {}

  private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
  private final int maxEntries;
  private final LongSupplier nanoClock;

  TtlCache(int maxEntries, LongSupplier nanoClock) {
    this.maxEntries = maxEntries;
    this.nanoClock = nanoClock;
  }

  /** The live value, or null. */
  V get(K key) {
    Entry<V> entry = entries.get(key);
    if (entry == null) {
      return null;
    }
    if (nanoClock.getAsLong() - entry.expiresAt() >= 0) {
      entries.remove(key, entry);
      return null;
    }
    return entry.value();
  }

  void put(K key, V value, Duration ttl) {
    if (ttl.isZero() || ttl.isNegative()) {
      return;
    }
    if (entries.size() >= maxEntries) {
      long now = nanoClock.getAsLong();
      entries.values().removeIf(e -> now - e.expiresAt() >= 0);
      if (entries.size() >= maxEntries) {
        entries.clear();
      }
    }
    entries.put(key, new Entry<>(value, nanoClock.getAsLong() + ttl.toNanos()));
  }
}
