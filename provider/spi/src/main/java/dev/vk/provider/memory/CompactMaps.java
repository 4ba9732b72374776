package dev.vk.provider.memory;

import jakarta.annotation.Nullable;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Copies of small maps a record keeps for every pod (labels, annotations, images), compared by
 * equality only: the JDK's compact immutable map, one array, where a sorted or hash map holds a
 * node per entry. Pure.
 */
public final class CompactMaps {
  private CompactMaps() {}

  /**
   * An unmodifiable copy; empty for null. {@code Map.copyOf} takes no null key or value, which a
   * pod a test or a webhook made may hold (a missing image, a label without value): such a map is
   * copied into an unmodifiable hash map instead.
   */
  public static <K, V> Map<K, V> copyOf(@Nullable Map<K, V> map) {
    if (map == null || map.isEmpty()) {
      return Map.of();
    }
    for (Map.Entry<K, V> e : map.entrySet()) {
      if (e.getKey() == null || e.getValue() == null) {
        return Collections.unmodifiableMap(new HashMap<>(map));
      }
    }
    return Map.copyOf(map);
  }
}
