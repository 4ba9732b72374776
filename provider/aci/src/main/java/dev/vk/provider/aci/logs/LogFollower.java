package dev.vk.provider.aci.logs;

import dev.vk.kubelet.types.LogLine;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.logs.LogReader;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a container's log again and again and emits each line once. ACI returns the whole current
 * log each time, so a line is new when its timestamp is later than the last emitted one, or equal
 * but beyond the lines with that timestamp already emitted. Used by one reader thread at a time.
 */
final class LogFollower implements LogReader {

  /** One List Logs call; {@code first} applies the tail, later reads need every line. Blocks. */
  @FunctionalInterface
  interface Fetch {
    String content(boolean first) throws ProviderException;
  }

  /** Whether the container has terminated. Blocks on one GET. */
  @FunctionalInterface
  interface Terminated {
    boolean check() throws ProviderException;
  }

  private final Fetch fetch;
  private final Terminated terminated;
  private final Clock clock;
  private Instant last = Instant.MIN;
  private int atLast;

  LogFollower(Fetch fetch, Terminated terminated, Clock clock) {
    this.fetch = fetch;
    this.terminated = terminated;
    this.clock = clock;
  }

  @Override
  public void readInitial(Consumer<LogLine> out) throws ProviderException {
    read(true, out);
  }

  @Override
  public boolean readMore(Consumer<LogLine> out) throws ProviderException {
    return read(false, out);
  }

  @Override
  public boolean ended() throws ProviderException {
    return terminated.check();
  }

  /** Fetches once and emits the lines not emitted before; returns whether there were any. */
  private boolean read(boolean first, Consumer<LogLine> out) throws ProviderException {
    List<LogLine> lines = LogParser.parse(fetch.content(first), clock.instant());
    boolean any = false;
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
      out.accept(line);
      any = true;
    }
    return any;
  }
}
