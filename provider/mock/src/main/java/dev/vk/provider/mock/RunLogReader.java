package dev.vk.provider.mock;

import dev.vk.kubelet.types.LogLine;
import dev.vk.kubelet.types.LogOptions;
import dev.vk.provider.logs.LogReader;
import java.time.Clock;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Reads one {@link RunLog} for a log request: the first read delivers the lines written when the
 * request was made, from where {@code tailLines} and the since cut-off point (so a long run is not
 * computed line by line); later reads deliver the lines written since. Used by one reader thread;
 * never blocks.
 */
final class RunLogReader implements LogReader {
  private final RunLog log;
  private final LogOptions options;
  private final Clock clock;
  private final BooleanSupplier podPresent;
  private final Instant opened;
  private long next;

  /**
   * @param podPresent whether the pod still exists with the same UID, asked while following
   */
  RunLogReader(RunLog log, LogOptions options, Clock clock, BooleanSupplier podPresent) {
    this.log = log;
    this.options = options;
    this.clock = clock;
    this.podPresent = podPresent;
    this.opened = clock.instant();
  }

  @Override
  public void readInitial(Consumer<LogLine> out) {
    long count = log.count(opened);
    next = options.cutoff(opened).map(log::firstAtOrAfter).orElse(0L);
    if (options.tailLines().isPresent()) {
      next = Math.max(next, count - options.tailLines().getAsLong());
    }
    deliverUpTo(count, out);
  }

  @Override
  public boolean readMore(Consumer<LogLine> out) {
    return deliverUpTo(log.count(clock.instant()), out);
  }

  @Override
  public boolean ended() {
    return log.endedAt(clock.instant()) || !podPresent.getAsBoolean();
  }

  private boolean deliverUpTo(long count, Consumer<LogLine> out) {
    boolean any = next < count;
    while (next < count) {
      out.accept(log.line(next++));
    }
    return any;
  }
}
