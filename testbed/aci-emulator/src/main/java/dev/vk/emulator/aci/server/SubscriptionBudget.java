package dev.vk.emulator.aci.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * ARM's request budget of the subscription as ARM runs it since 2024: one token bucket per
 * operation type (reads 250 tokens refilled at 25 a second, writes and deletes 200 at 10), each
 * request taking a token, and the tokens left after it reported in {@code
 * x-ms-ratelimit-remaining-subscription-reads|writes|deletes}. The emulator reports and counts but
 * does not refuse: a request that finds its bucket empty is answered normally and counted in {@link
 * #exhausted}, so tests see whether a client would have been throttled; throttling itself is
 * injected with faults. Tests change the bucket and its level at any time. Thread-safe.
 */
public final class SubscriptionBudget {

  /** An operation type with ARM's documented bucket. */
  public enum Kind {
    READS(250, 25),
    WRITES(200, 10),
    DELETES(200, 10);

    final int capacity;
    final double refillPerSecond;

    Kind(int capacity, double refillPerSecond) {
      this.capacity = capacity;
      this.refillPerSecond = refillPerSecond;
    }

    String header() {
      return "x-ms-ratelimit-remaining-subscription-" + name().toLowerCase(Locale.ROOT);
    }

    static Kind of(String method) {
      return switch (method) {
        case "GET", "HEAD" -> READS;
        case "DELETE" -> DELETES;
        default -> WRITES;
      };
    }
  }

  private static final class Bucket {
    int capacity;
    double refillPerSecond;
    double level;
    Instant updatedAt;
    long lowest;
    long exhausted;
    long taken;
  }

  private final Clock clock;
  private final Map<Kind, Bucket> buckets = new EnumMap<>(Kind.class);

  /** Full buckets of ARM's documented sizes, refilled as {@code clock} advances. */
  public SubscriptionBudget(Clock clock) {
    this.clock = clock;
    for (Kind kind : Kind.values()) {
      Bucket b = new Bucket();
      buckets.put(kind, b);
      configure(kind, kind.capacity, kind.refillPerSecond);
    }
  }

  /** Gives {@code kind} a bucket of {@code capacity} refilled at the rate, full now. */
  public synchronized void configure(Kind kind, int capacity, double refillPerSecond) {
    Bucket b = buckets.get(kind);
    b.capacity = capacity;
    b.refillPerSecond = refillPerSecond;
    b.level = capacity;
    b.updatedAt = clock.instant();
    b.lowest = capacity;
  }

  /** Gives {@code kind} ARM's documented bucket again, full now. */
  public void restoreDefault(Kind kind) {
    configure(kind, kind.capacity, kind.refillPerSecond);
  }

  /** Sets how many tokens are left now, as if other clients had spent the rest. */
  public synchronized void setRemaining(Kind kind, int remaining) {
    Bucket b = refilled(kind);
    b.level = Math.min(b.capacity, Math.max(0, remaining));
    b.lowest = Math.min(b.lowest, (long) b.level);
  }

  /** The tokens left now. */
  public synchronized long remaining(Kind kind) {
    return (long) refilled(kind).level;
  }

  /** The fewest tokens reported since the bucket was configured or {@link #resetStats}. */
  public synchronized long lowest(Kind kind) {
    return buckets.get(kind).lowest;
  }

  /** Requests that found the bucket empty (ARM would have answered 429) since the last reset. */
  public synchronized long exhausted(Kind kind) {
    return buckets.get(kind).exhausted;
  }

  /** Requests counted against the bucket since the last reset. */
  public synchronized long taken(Kind kind) {
    return buckets.get(kind).taken;
  }

  /** Forgets the lowest level, the exhausted and the taken counts. */
  public synchronized void resetStats() {
    for (Kind kind : Kind.values()) {
      Bucket b = refilled(kind);
      b.lowest = (long) b.level;
      b.exhausted = 0;
      b.taken = 0;
    }
  }

  /** Takes a token for a request; returns the header name and the tokens left to report. */
  synchronized Map.Entry<String, String> consume(String method, boolean throttled) {
    Kind kind = Kind.of(method);
    Bucket b = refilled(kind);
    b.taken++;
    if (b.level >= 1) {
      b.level -= 1;
    } else {
      b.exhausted++;
    }
    long remaining = throttled ? 0 : (long) b.level;
    b.lowest = Math.min(b.lowest, remaining);
    return Map.entry(kind.header(), Long.toString(remaining));
  }

  private Bucket refilled(Kind kind) {
    Bucket b = buckets.get(kind);
    Instant now = clock.instant();
    double seconds = Duration.between(b.updatedAt, now).toNanos() / 1e9;
    if (seconds > 0) {
      b.level = Math.min(b.capacity, b.level + seconds * b.refillPerSecond);
      b.updatedAt = now;
    }
    return b;
  }
}
