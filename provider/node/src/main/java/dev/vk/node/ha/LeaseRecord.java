package dev.vk.node.ha;

import java.time.OffsetDateTime;

/**
 * What the election lease says.
 *
 * @param holder the holder identity; null or empty when released
 * @param durationSeconds how long followers wait after seeing it change
 * @param acquireTime when the holder acquired it
 * @param renewTime when the holder last renewed it (information only: followers never compare it
 *     with their own clock)
 * @param transitions how often the holder changed
 * @param resourceVersion the API object's version: a write carries it, so two writers never both
 *     win
 */
public record LeaseRecord(
    String holder,
    int durationSeconds,
    OffsetDateTime acquireTime,
    OffsetDateTime renewTime,
    int transitions,
    String resourceVersion) {

  boolean heldBy(String identity) {
    return identity.equals(holder);
  }

  boolean released() {
    return holder == null || holder.isEmpty();
  }
}
