package dev.vk.node.ha;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One replica's side of the election, one step per {@link #tick()}: read the lease; follow while
 * another holder renews it; take it over (create it, or replace it at the version read) once it is
 * released or has not changed for its duration as measured by this replica's own monotonic clock
 * since it <em>saw</em> the change; renew it while leading. Wall-clock times in the lease are
 * written for people and never compared with this replica's clock. Terms begin and end through
 * {@link Leadership}; the {@link Listener} hears of both.
 */
public final class LeaderElector {
  private static final Logger logger = LoggerFactory.getLogger(LeaderElector.class);

  /** Hears when a term begins and ends. Called on the ticking thread: must not block long. */
  public interface Listener {
    void started(long term);

    void stopped(long term, String why);
  }

  private final LeaseStore store;
  private final Leadership leadership;
  private final String identity;
  private final Duration leaseDuration;
  private final Duration renewDeadline;
  private final LongSupplier nanoTime;
  private final Clock clock;
  private final Listener listener;
  private LeaseRecord observed; // guarded by this
  private long observedAt; // guarded by this

  public LeaderElector(
      LeaseStore store,
      Leadership leadership,
      String identity,
      Duration leaseDuration,
      Duration renewDeadline,
      LongSupplier nanoTime,
      Clock clock,
      Listener listener) {
    this.store = store;
    this.leadership = leadership;
    this.identity = identity;
    this.leaseDuration = leaseDuration;
    this.renewDeadline = renewDeadline;
    this.nanoTime = nanoTime;
    this.clock = clock;
    this.listener = listener;
  }

  /** One election step: acquire, renew or follow. Blocks on the API server; never throws. */
  public synchronized void tick() {
    long sent = nanoTime.getAsLong();
    try {
      Optional<LeaseRecord> current = store.get();
      if (current.isEmpty()) {
        won(sent, store.create(next(null)));
        return;
      }
      LeaseRecord lease = current.get();
      observe(lease);
      if (!lease.heldBy(identity) && !lease.released() && !expired(lease)) {
        long ended = leadership.revoke();
        if (ended != 0) {
          listener.stopped(ended, "the lease is held by " + lease.holder());
        }
        return;
      }
      won(sent, store.update(next(lease)));
    } catch (LeaseStore.LeaseException e) {
      // Someone else wrote first, or the API server did not answer: the deadline decides.
      logger.debug("Election step failed: {}", e.getMessage());
    } finally {
      checkDeadline();
    }
  }

  /** Ends the running term once its renew deadline has passed. Never blocks on I/O. */
  public void checkDeadline() {
    long ended = leadership.expireIfDue();
    if (ended != 0) {
      listener.stopped(ended, "no renewal succeeded within the renew deadline " + renewDeadline);
    }
  }

  /**
   * Gives the lease up (shutdown), so a follower takes over at its next step. Best effort; blocks
   * on the API server.
   */
  public synchronized void release() {
    long ended = leadership.revoke();
    if (ended == 0 || observed == null || !observed.heldBy(identity)) {
      return;
    }
    listener.stopped(ended, "shutting down");
    OffsetDateTime now = now();
    try {
      store.update(
          new LeaseRecord(
              "",
              1,
              observed.acquireTime(),
              now,
              observed.transitions(),
              observed.resourceVersion()));
      logger.info("Released the election lease");
    } catch (LeaseStore.LeaseException e) {
      logger.warn("Could not release the election lease: {}", e.getMessage());
    }
  }

  private void won(long sent, LeaseRecord written) {
    observe(written);
    long term = leadership.renewed(sent + renewDeadline.toNanos());
    if (term != 0) {
      logger.info("Became the leader as {} (term {})", identity, term);
      listener.started(term);
    }
  }

  private LeaseRecord next(LeaseRecord lease) {
    OffsetDateTime now = now();
    int seconds = (int) Math.max(1, leaseDuration.toSeconds());
    if (lease == null) {
      return new LeaseRecord(identity, seconds, now, now, 0, null);
    }
    if (lease.heldBy(identity)) {
      return new LeaseRecord(
          identity,
          seconds,
          lease.acquireTime(),
          now,
          lease.transitions(),
          lease.resourceVersion());
    }
    return new LeaseRecord(
        identity, seconds, now, now, lease.transitions() + 1, lease.resourceVersion());
  }

  private void observe(LeaseRecord lease) {
    boolean newHolder =
        observed == null || !java.util.Objects.equals(observed.holder(), lease.holder());
    if (newHolder && !lease.released() && !lease.heldBy(identity)) {
      logger.info("The lease is held by {}; following", lease.holder());
    }
    if (observed == null || !lease.resourceVersion().equals(observed.resourceVersion())) {
      observed = lease;
      observedAt = nanoTime.getAsLong();
    }
  }

  /** Unchanged for its duration, by this replica's own clock since it saw the last change. */
  private boolean expired(LeaseRecord lease) {
    long duration = Duration.ofSeconds(Math.max(1, lease.durationSeconds())).toNanos();
    return nanoTime.getAsLong() - observedAt >= duration;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}
