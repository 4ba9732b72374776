package dev.vk.node.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Whether the pod informer is alive: it has synced, and it keeps delivering something (an event, a
 * bookmark, a list or a new watch) while the API server answers other calls. A healthy watch
 * delivers at least once per watch timeout (at most 10 minutes in client-java) and, with bookmarks,
 * about every minute; silence much longer than that while the API server answers means the informer
 * is stuck and only a restart helps.
 */
public final class WatchActivity {
  private final Clock clock;
  private final Duration stallAfter;
  private final BooleanSupplier synced;
  private final ApiContact api;
  private volatile Instant last;

  /**
   * @param stallAfter how long without any delivery counts as stalled
   * @param synced whether the informer completed its first list
   * @param api since when the API server has answered other calls
   */
  public WatchActivity(Clock clock, Duration stallAfter, BooleanSupplier synced, ApiContact api) {
    this.clock = clock;
    this.stallAfter = stallAfter;
    this.synced = synced;
    this.api = api;
    this.last = clock.instant();
  }

  /** Records a delivery. Cheap, never blocks; called from the informer's threads. */
  public void delivered() {
    last = clock.instant();
  }

  /** The last delivery (or creation), for logs and metrics. */
  public Instant last() {
    return last;
  }

  /** The liveness check: synced, and not silent for long while the API server answers. */
  public Optional<String> failure() {
    if (!synced.getAsBoolean()) {
      return Optional.of("pod informer has not synced");
    }
    Instant now = clock.instant();
    Duration silent = Duration.between(last, now);
    if (silent.compareTo(stallAfter) <= 0) {
      return Optional.empty();
    }
    Optional<Instant> since = api.answeringSince();
    // Silence during an API server outage is expected and ends with it; only silence while the
    // API server has answered throughout shows a stuck informer.
    Instant from = since.isPresent() && since.get().isAfter(last) ? since.get() : last;
    if (since.isPresent() && Duration.between(from, now).compareTo(stallAfter) > 0) {
      return Optional.of(
          "pod informer delivered nothing for "
              + silent.toSeconds()
              + "s while the API server answers");
    }
    return Optional.empty();
  }
}
