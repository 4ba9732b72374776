package dev.vk.benchmarks.node;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Counts an emulator's call timeline by operation within a time window. Pure; thread-safe. */
final class CloudCalls {
  private CloudCalls() {}

  /** One call the emulator received: when and which operation (e.g. {@code DescribeTasks}). */
  record Call(Instant at, String operation) {}

  /** Calls per operation received in {@code [from, to)}, sorted by operation. Idempotent. */
  static Map<String, Integer> count(List<Call> calls, Instant from, Instant to) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Call c : calls) {
      if (!c.at().isBefore(from) && c.at().isBefore(to)) {
        counts.merge(c.operation(), 1, Integer::sum);
      }
    }
    return counts;
  }

  /**
   * When the first round of {@code operation} calls after {@code after} began: a call of it with
   * none in the {@code gap} before it (a round's pages follow each other closely). Empty while none
   * has begun. Idempotent.
   */
  static Optional<Instant> roundStart(
      List<Call> calls, String operation, Instant after, Duration gap) {
    Instant previous = null;
    for (Call c : calls) {
      if (!c.operation().equals(operation)) {
        continue;
      }
      if (c.at().isAfter(after) && (previous == null || c.at().isAfter(previous.plus(gap)))) {
        return Optional.of(c.at());
      }
      previous = c.at();
    }
    return Optional.empty();
  }

  /** Calls per minute and operation in {@code [from, to)}: the steady rate. Idempotent. */
  static Map<String, Double> perMinute(List<Call> calls, Instant from, Instant to) {
    double minutes = Duration.between(from, to).toMillis() / 60_000.0;
    if (minutes <= 0) {
      throw new IllegalArgumentException("empty window " + from + " to " + to);
    }
    Map<String, Double> rates = new TreeMap<>();
    count(calls, from, to).forEach((op, n) -> rates.put(op, n / minutes));
    return rates;
  }

  /** The sum of a map's values (0 for null: runs without a cloud). */
  static double total(Map<String, ? extends Number> counts) {
    return counts == null ? 0 : counts.values().stream().mapToDouble(Number::doubleValue).sum();
  }
}
