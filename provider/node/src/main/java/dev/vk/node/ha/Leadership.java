package dev.vk.node.ha;

import java.util.function.LongSupplier;

/**
 * The write fence, and the one owner of "am I the leader". A term begins when this replica acquires
 * the election lease; its gate is open only while the monotonic clock is before the deadline that
 * the last successful renewal set (the time that renewal was <em>sent</em> plus the renew
 * deadline). A follower cannot take the lease over before the lease duration has passed since it
 * saw that renewal, which is later than the send time, and the renew deadline is shorter than the
 * lease duration: so the old leader's gate is closed before a new leader can exist. Thread-safe.
 */
public final class Leadership {
  private final LongSupplier nanoTime;
  private long term;
  private boolean leading;
  private long deadline;

  /**
   * @param nanoTime a monotonic clock in nanoseconds ({@code System::nanoTime})
   */
  public Leadership(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /**
   * A renewal succeeded: the gate stays open until {@code deadline} (its send time plus the renew
   * deadline). An answer that arrives after that deadline begins no term.
   *
   * @return the new term when this renewal began one (the gate was closed), else 0
   */
  synchronized long renewed(long deadline) {
    long now = nanoTime.getAsLong();
    boolean open = leading && now < this.deadline;
    if (!open && now >= deadline) {
      return 0; // The answer came too late to trust: no term begins on it.
    }
    this.deadline = deadline;
    if (open) {
      return 0;
    }
    leading = true;
    term++;
    return term;
  }

  /**
   * Closes the gate now (lease lost or given up). Idempotent.
   *
   * @return the term that ended, or 0 when none was running
   */
  synchronized long revoke() {
    if (!leading) {
      return 0;
    }
    leading = false;
    return term;
  }

  /**
   * Ends the term whose deadline has passed, if any. Idempotent; never blocks.
   *
   * @return the term that ended, or 0
   */
  synchronized long expireIfDue() {
    if (leading && nanoTime.getAsLong() >= deadline) {
      return revoke();
    }
    return 0;
  }

  /** Whether writes of {@code term} may go out now. Never blocks on I/O. */
  public synchronized boolean isOpen(long term) {
    return leading && this.term == term && nanoTime.getAsLong() < deadline;
  }

  /** Whether this replica leads now (for readiness checks and the {@code vk.node.leader} gauge). */
  public synchronized boolean isLeader() {
    return leading && nanoTime.getAsLong() < deadline;
  }

  /** The gate of one term: what the node's writers check. */
  public WriteGate gate(long term) {
    return new WriteGate() {
      @Override
      public boolean open() {
        return isOpen(term);
      }

      @Override
      public String toString() {
        return "leadership term " + term;
      }
    };
  }
}
