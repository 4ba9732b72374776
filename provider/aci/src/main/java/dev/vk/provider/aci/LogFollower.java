package dev.vk.provider.aci;

import dev.vk.kubelet.types.LogLine;
import dev.vk.kubelet.types.ProviderException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads a container's log again and again and emits each line once. ACI returns the whole current
 * log each time, so a line is new when its timestamp is later than the last emitted one, or equal
 * but beyond the lines with that timestamp already emitted. Used by one reader at a time.
 */
final class LogFollower {

  /** One List Logs call; {@code first} applies the tail, later reads need every line. Blocks. */
  @FunctionalInterface
  interface Fetch {
    String content(boolean first) throws ProviderException;
  }

  private final LogStream stream;
  private final Fetch fetch;
  private final Optional<Instant> cutoff;
  private final Clock clock;
  private Instant last = Instant.MIN;
  private int atLast;
  private boolean first = true;

  LogFollower(LogStream stream, Fetch fetch, Optional<Instant> cutoff, Clock clock) {
    this.stream = stream;
    this.fetch = fetch;
    this.cutoff = cutoff;
    this.clock = clock;
  }

  boolean stopped() {
    return stream.cancelled();
  }

  /** Fetches once and emits the lines not emitted before. Blocks on ARM. */
  void readNew() throws ProviderException {
    List<LogLine> lines = LogParser.parse(fetch.content(first), clock.instant());
    first = false;
    int sameAsLast = 0;
    for (LogLine line : lines) {
      Instant at = line.timestamp();
      if (at.isBefore(last)) {
        continue;
      }
      if (at.equals(last)) {
        if (++sameAsLast <= atLast) {
          continue;
        }
        atLast++;
      } else {
        last = at;
        atLast = 1;
        sameAsLast = 1;
      }
      if (cutoff.isEmpty() || !at.isBefore(cutoff.get())) {
        stream.offer(line);
      }
    }
  }

  void finish(Throwable failure) {
    stream.end(failure);
  }
}
