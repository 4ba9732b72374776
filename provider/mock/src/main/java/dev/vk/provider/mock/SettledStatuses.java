package dev.vk.provider.mock;

import io.kubernetes.client.openapi.models.V1PodStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Statuses of pods that no longer change ({@link PodStatusCalculator#settledFrom}), computed once:
 * the status ticker reads every pod every 250 ms, and recomputing a thousand unchanged statuses
 * each time made the mock's CPU grow with its pod count. The same object is returned each time, so
 * comparing it with the one delivered before is a reference check. Its statuses are shared: callers
 * must not modify them. Not thread-safe: the provider calls it under its lock.
 */
final class SettledStatuses {
  private final PodStatusCalculator calculator;
  // By record identity: an update replaces the record, and with it the settled status.
  private Map<PodRecord, V1PodStatus> settled = new IdentityHashMap<>();

  SettledStatuses(PodStatusCalculator calculator) {
    this.calculator = calculator;
  }

  /**
   * The status of each record at {@code now}, in the same order; forgets the records not listed
   * (deleted, replaced by an update).
   */
  List<V1PodStatus> statusesAt(Collection<PodRecord> records, Instant now) {
    Map<PodRecord, V1PodStatus> next = new IdentityHashMap<>();
    List<V1PodStatus> out = new ArrayList<>(records.size());
    for (PodRecord r : records) {
      V1PodStatus status = settled.get(r);
      if (status == null) {
        status = calculator.statusAt(r, now);
      }
      Instant from = calculator.settledFrom(r);
      if (from != null && !now.isBefore(from)) {
        next.put(r, status);
      }
      out.add(status);
    }
    settled = next;
    return out;
  }
}
