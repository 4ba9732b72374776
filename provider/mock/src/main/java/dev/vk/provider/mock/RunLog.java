package dev.vk.provider.mock;

import dev.vk.kubelet.types.LogLine;
import java.time.Duration;
import java.time.Instant;

/**
 * What one run of a container logs, computed rather than stored: line 0 at the run's start says
 * {@code <container> started}, and line N, N seconds later, says {@code <container> line N}; each
 * line begins with its own time in ISO-8601. A run that ends logs no line at or after its end. Pure
 * and thread-safe.
 */
record RunLog(String container, ContainerRuns.Run run) {

  static final Duration INTERVAL = Duration.ofSeconds(1);

  /** The text of line {@code index}, with its time as the timestamp. */
  LogLine line(long index) {
    Instant time = timeOf(index);
    String text = index == 0 ? container + " started" : container + " line " + index;
    return LogLine.of(time, time + " " + text);
  }

  Instant timeOf(long index) {
    return run.start().plus(INTERVAL.multipliedBy(index));
  }

  /** How many lines the run has written by {@code now}. */
  long count(Instant now) {
    Instant last = run.end() == null || now.isBefore(run.end()) ? now : run.end().minusNanos(1);
    if (last.isBefore(run.start())) {
      return 0;
    }
    return Duration.between(run.start(), last).toMillis() / INTERVAL.toMillis() + 1;
  }

  /** The index of the first line at or after {@code cutoff}. */
  long firstAtOrAfter(Instant cutoff) {
    long millis = Duration.between(run.start(), cutoff).toMillis();
    if (millis <= 0) {
      return 0;
    }
    return (millis + INTERVAL.toMillis() - 1) / INTERVAL.toMillis(); // rounded up
  }

  /** Whether the run has ended by {@code now}, so that nothing more will be written. */
  boolean endedAt(Instant now) {
    return run.end() != null && !now.isBefore(run.end());
  }
}
