package dev.vk.provider.aci.arm;

/**
 * The one owner of the status notifier's steady ARM budget (lists and refresh GETs per minute). ARM
 * meters reads per subscription and principal in a token bucket (documented: 250 tokens, refilled
 * at 25 a second, so a tenth of the bucket a second) and reports the tokens left after each read in
 * {@value #HEADER}. The notifier may spend {@code share} of what that bucket refills, scaled by how
 * full ARM says it is: {@code share × remaining × 60 / 10} a minute. So the budget is the share of
 * a full bucket's refill when nobody else reads, shrinks as other clients drain the bucket, and
 * never exceeds the share; {@code status-calls-per-minute} caps it, and is the budget until ARM has
 * sent the header (or on a cloud that sends none). A floor of {@value #FLOOR_PER_MINUTE} a minute
 * keeps the rounds going so that the node sees the bucket refill. Thread-safe; never blocks.
 */
public final class ReadBudget {

  /** ARM's remaining-reads header of the subscription (per principal). */
  static final String HEADER = "x-ms-ratelimit-remaining-subscription-reads";

  /** ARM's read bucket refills in this many seconds (250 tokens at 25 a second). */
  static final int REFILL_SECONDS = 10;

  /** The least the notifier spends a minute, however empty the bucket. */
  static final double FLOOR_PER_MINUTE = 2;

  private final double share;
  private final int cap;
  private long lowest = -1; // guarded by this; the fewest remaining since the last perMinute()
  private long latest = -1; // guarded by this

  /**
   * @param share the part of the subscription's read budget the notifier may use, in (0, 1]
   * @param cap the most calls a minute whatever the header says ({@code status-calls-per-minute})
   */
  public ReadBudget(double share, int cap) {
    this.share = share;
    this.cap = cap;
  }

  /** Learns ARM's remaining reads from a response; every ARM read response passes here. */
  public synchronized void observe(long remaining) {
    latest = Math.max(0, remaining);
    lowest = lowest < 0 ? latest : Math.min(lowest, latest);
  }

  /**
   * The steady calls a minute the notifier may spend from now, from the fewest remaining reads ARM
   * reported since the last call (its own burst of the last round included), then starts a new
   * observation period.
   */
  public synchronized double perMinute() {
    if (lowest < 0) {
      return cap;
    }
    double allowed = share * lowest * 60.0 / REFILL_SECONDS;
    lowest = latest;
    return Math.min(cap, Math.max(FLOOR_PER_MINUTE, allowed));
  }
}
