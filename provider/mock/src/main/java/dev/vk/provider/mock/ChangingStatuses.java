package dev.vk.provider.mock;

import io.kubernetes.client.openapi.models.V1PodStatus;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The pods whose status may still change, so that the status ticker computes only theirs. A pod
 * whose app containers have started and never exit ({@link PodStatusCalculator#settledFrom}) keeps
 * its status: it is listed one last time, then left out until an update or a re-creation tracks a
 * new record under its name. Recomputing every pod on each tick made the mock's CPU per pod grow
 * with its pod count. Not thread-safe: the provider calls it under its lock.
 */
final class ChangingStatuses {
  private final PodStatusCalculator calculator;
  private final Map<String, PodRecord> changing = new LinkedHashMap<>(); // by key, in order

  ChangingStatuses(PodStatusCalculator calculator) {
    this.calculator = calculator;
  }

  /** A record created, updated or loaded: its status is computed again. Idempotent. */
  void track(PodRecord record) {
    changing.put(record.key(), record);
  }

  /** The pod under {@code key} is gone. Idempotent. */
  void forget(String key) {
    changing.remove(key);
  }

  /**
   * Hands each tracked record its status at {@code now}, in the order they were tracked, and stops
   * tracking those whose status no longer changes.
   */
  void statusesAt(Instant now, BiConsumer<PodRecord, V1PodStatus> out) {
    for (Iterator<PodRecord> it = changing.values().iterator(); it.hasNext(); ) {
      PodRecord r = it.next();
      out.accept(r, calculator.statusAt(r, now));
      Instant from = calculator.settledFrom(r);
      if (from != null && !now.isBefore(from)) {
        it.remove();
      }
    }
  }

  /** How many pods are tracked, for tests. */
  int size() {
    return changing.size();
  }
}
