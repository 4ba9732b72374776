package dev.vk.emulator.ecs.fault;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every AWS call the emulator answered, in order: lets tests see how often the product polled and
 * how the SDK retried (a throttled attempt followed by a successful one shows up as two entries).
 * Thread-safe.
 */
public final class CallLog {
  private static final int MAX_ENTRIES = 100_000;

  private final Clock clock;
  private final List<Call> timeline = new ArrayList<>();

  public CallLog(Clock clock) {
    this.clock = clock;
  }

  /**
   * One answered call.
   *
   * @param time when the response was written
   * @param service {@code ecs} or {@code logs}
   * @param operation e.g. {@code DescribeTasks}
   * @param status HTTP status answered
   * @param errorType modeled error type, {@code null} on success
   * @param duration time from decoding the request to writing the response
   */
  public record Call(
      Instant time,
      String service,
      String operation,
      int status,
      String errorType,
      Duration duration) {

    /** Whether the call succeeded (HTTP 200). */
    public boolean ok() {
      return status == 200;
    }
  }

  /** Appends an answered call; the oldest entries go once the log holds 100,000. */
  public synchronized void record(
      String service, String operation, int status, String errorType, Duration duration) {
    if (timeline.size() == MAX_ENTRIES) {
      timeline.remove(0);
    }
    timeline.add(new Call(clock.instant(), service, operation, status, errorType, duration));
  }

  /** Calls so far, oldest first. */
  public synchronized List<Call> timeline() {
    return List.copyOf(timeline);
  }

  /** Calls of one operation, oldest first. */
  public synchronized List<Call> timeline(String operation) {
    return timeline.stream().filter(call -> call.operation().equals(operation)).toList();
  }

  /** How many times {@code operation} was called, failed attempts included. */
  public synchronized int count(String operation) {
    return (int) timeline.stream().filter(call -> call.operation().equals(operation)).count();
  }

  /** Call counts per operation, sorted by name. */
  public synchronized Map<String, Integer> counts() {
    Map<String, Integer> counts = new TreeMap<>();
    timeline.forEach(call -> counts.merge(call.operation(), 1, Integer::sum));
    return counts;
  }

  /** Forgets all calls. */
  public synchronized void reset() {
    timeline.clear();
  }
}
