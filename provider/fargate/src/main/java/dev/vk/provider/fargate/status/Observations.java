package dev.vk.provider.fargate.status;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * When the provider first saw something (a container running, a container stopped, a condition
 * turning True). ECS reports no per-container timestamps, so container start and finish times are
 * the first poll that showed them; one poll uses one instant for the whole task, which keeps an
 * init container's finish no later than the app containers' start. Not thread-safe: owned by one
 * pod record.
 */
public final class Observations {
  private final Map<String, Instant> first = new HashMap<>();

  /** The instant {@code key} was first seen, recording {@code now} when it is new. */
  public Instant first(String key, Instant now) {
    return first.computeIfAbsent(key, k -> now);
  }

  /** Forgets everything, when a replacement task starts. */
  public void clear() {
    first.clear();
  }
}
