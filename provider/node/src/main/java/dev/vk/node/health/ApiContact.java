package dev.vk.node.health;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Since when the API server has answered every call of one periodic loop (the lease renewal, every
 * quarter of the lease duration): a cheap sign that the API server is reachable, without a call of
 * its own.
 */
public final class ApiContact {
  private final Clock clock;
  private volatile Instant since;

  public ApiContact(Clock clock) {
    this.clock = clock;
  }

  /** Records a successful call. Cheap, never blocks. */
  public void answered() {
    if (since == null) {
      since = clock.instant();
    }
  }

  /** Records a failed call: the streak of answers ends. */
  public void failed() {
    since = null;
  }

  /** The start of the current streak of answers; empty when the last call failed. */
  public Optional<Instant> answeringSince() {
    return Optional.ofNullable(since);
  }
}
