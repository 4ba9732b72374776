package dev.vk.emulator.aci.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * ARM's classic hourly budget per subscription (12 000 reads, 1 200 writes, 15 000 deletes),
 * reported in {@code x-ms-ratelimit-remaining-subscription-*} headers so clients that read them
 * (the SDK's {@code ResourceManagerThrottlingInfo}) see plausible values. The emulator reports but
 * never enforces it; throttling is injected with faults.
 */
final class RateLimitCounters {

  enum Kind {
    READS(12_000),
    WRITES(1_200),
    DELETES(15_000);

    final int perHour;

    Kind(int perHour) {
      this.perHour = perHour;
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

  private final Clock clock;
  private final Map<Kind, Integer> used = new EnumMap<>(Kind.class);
  private Instant windowStart;

  RateLimitCounters(Clock clock) {
    this.clock = clock;
    this.windowStart = clock.instant();
  }

  /** Counts a call and returns the header name and remaining budget to report. */
  synchronized Map.Entry<String, String> consume(String method, boolean throttled) {
    Instant now = clock.instant();
    if (Duration.between(windowStart, now).toHours() >= 1) {
      used.clear();
      windowStart = now;
    }
    Kind kind = Kind.of(method);
    int count = used.merge(kind, 1, Integer::sum);
    int remaining = throttled ? 0 : Math.max(0, kind.perHour - count);
    return Map.entry(kind.header(), Integer.toString(remaining));
  }
}
