package dev.vk.provider.aci.arm;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import dev.vk.provider.RateLimitListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongConsumer;
import reactor.core.publisher.Mono;

/**
 * The one client-side limiter every ARM request of the provider passes (pages and LRO polls too).
 * ARM meters a subscription's reads, writes and deletes in separate token buckets, so the limiter
 * keeps one schedule per {@link Kind}: each is a token bucket refilled at {@code
 * requests-per-second} that holds {@link #BURST}'s requests (a slot no request was waiting for is
 * kept, not lost, so a kind's requests average the rate while callers come and go; ARM's own
 * buckets hold 200-250), and pauses when ARM answers one of its requests 429 (the Retry-After
 * covers that bucket for the whole subscription, not just the failed operation) or reports that a
 * {@code x-ms-ratelimit-remaining-*} budget is nearly spent. So the status notifier's reads never
 * hold up creates and deletes, nor they its reads. Thread-safe; {@link #processSync} blocks for the
 * wait, {@link #process} delays without blocking.
 */
public final class ArmRateLimiter implements HttpPipelinePolicy {

  /** Below this many remaining requests ARM is about to throttle; slow down a little first. */
  static final long LOW_REMAINING = 5;

  private static final Duration LOW_REMAINING_PAUSE = Duration.ofSeconds(1);

  /** How long an unused slot stays usable: the bucket holds a second's requests. */
  static final Duration BURST = Duration.ofSeconds(1);

  /** The limiter's name in the node's metrics. */
  static final String NAME = "arm";

  /** ARM's request buckets, by HTTP method as ARM assigns them. */
  public enum Kind {
    READS,
    WRITES,
    DELETES;

    static Kind of(HttpMethod method) {
      return switch (method) {
        case GET, HEAD -> READS;
        case DELETE -> DELETES;
        default -> WRITES;
      };
    }
  }

  /**
   * One bucket's schedule. {@code nextFree} is when the next request may go; when it lies in the
   * past, the slots since then (at most {@link #BURST} of them) are unused tokens.
   */
  private static final class Schedule {
    Instant nextFree;
    Instant pausedUntil;
    long sent;

    Schedule(Instant now) {
      nextFree = now;
      pausedUntil = now;
    }
  }

  private final Clock clock;
  private final RateLimitListener listener;
  private final long intervalNanos;
  private final Duration unusedKept; // the slots before now a bucket keeps: BURST less the one now
  private final LongConsumer readsRemaining;
  private final Map<Kind, Schedule> schedules = new EnumMap<>(Kind.class); // guarded by this

  ArmRateLimiter(double requestsPerSecond, Clock clock) {
    this(requestsPerSecond, clock, RateLimitListener.NONE);
  }

  /**
   * @param listener hears each request's wait and each 429, for the node's metrics
   */
  ArmRateLimiter(double requestsPerSecond, Clock clock, RateLimitListener listener) {
    this(requestsPerSecond, clock, listener, remaining -> {});
  }

  /**
   * @param readsRemaining hears ARM's {@value ReadBudget#HEADER} of each response that carries it,
   *     for the status budget
   */
  public ArmRateLimiter(
      double requestsPerSecond,
      Clock clock,
      RateLimitListener listener,
      LongConsumer readsRemaining) {
    this.readsRemaining = readsRemaining;
    this.clock = clock;
    this.listener = listener;
    this.intervalNanos = (long) (1_000_000_000L / requestsPerSecond);
    this.unusedKept = Duration.ofNanos(Math.max(0, BURST.toNanos() - intervalNanos));
    for (Kind kind : Kind.values()) {
      schedules.put(kind, new Schedule(clock.instant()));
    }
  }

  /** Takes the next slot of {@code kind}; returns how long the caller must wait before sending. */
  synchronized Duration reserve(Kind kind) {
    Schedule schedule = schedules.get(kind);
    Instant now = clock.instant();
    // The earliest slot no request took since the bucket was empty or a pause ended, BURST at most.
    Instant slot = latest(latest(schedule.nextFree, now.minus(unusedKept)), schedule.pausedUntil);
    Instant start = latest(now, slot);
    schedule.nextFree = slot.plusNanos(intervalNanos);
    schedule.sent++;
    return Duration.between(now, start);
  }

  /**
   * What is left of a pause of {@code kind} that began after the caller reserved its slot (a 429
   * answered to another request meanwhile); zero when the caller may send now.
   */
  synchronized Duration remainingPause(Kind kind) {
    Instant now = clock.instant();
    Instant until = schedules.get(kind).pausedUntil;
    return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
  }

  /** ARM requests of {@code kind} sent so far (attempts, pages and polls included). */
  public synchronized long sent(Kind kind) {
    return schedules.get(kind).sent;
  }

  /** Learns from a response to a request of {@code kind}: a 429, nearly exhausted budgets. */
  synchronized void observe(Kind kind, int status, String retryAfter, long lowestRemaining) {
    Schedule schedule = schedules.get(kind);
    Instant now = clock.instant();
    if (status == 429) {
      listener.throttled(NAME);
      Duration wait = ArmErrors.retryAfter(retryAfter).orElse(Duration.ofSeconds(1));
      schedule.pausedUntil = latest(schedule.pausedUntil, now.plus(wait));
    } else if (lowestRemaining <= LOW_REMAINING) {
      schedule.pausedUntil = latest(schedule.pausedUntil, now.plus(LOW_REMAINING_PAUSE));
    }
  }

  @Override
  public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
    Kind kind = Kind.of(context.getHttpRequest().getHttpMethod());
    return Mono.defer(
        () -> {
          Instant start = clock.instant();
          return Mono.delay(reserve(kind))
              .then(whenUnpaused(kind, next, start))
              .doOnNext(response -> observe(kind, response));
        });
  }

  private Mono<HttpResponse> whenUnpaused(Kind kind, HttpPipelineNextPolicy next, Instant start) {
    return Mono.defer(
        () -> {
          Duration pause = remainingPause(kind);
          if (!pause.isZero()) {
            return Mono.delay(pause).then(whenUnpaused(kind, next, start));
          }
          listener.waited(NAME, Duration.between(start, clock.instant()));
          return next.process();
        });
  }

  @Override
  public HttpResponse processSync(
      HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
    Kind kind = Kind.of(context.getHttpRequest().getHttpMethod());
    // A 429 to another request of the same kind may pause it while this one waits for its slot.
    Instant start = clock.instant();
    for (Duration wait = reserve(kind); !wait.isZero(); wait = remainingPause(kind)) {
      try {
        Thread.sleep(wait.toMillis(), wait.toNanosPart() % 1_000_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the ARM rate limit", e);
      }
    }
    listener.waited(NAME, Duration.between(start, clock.instant()));
    HttpResponse response = next.processSync();
    observe(kind, response);
    return response;
  }

  private void observe(Kind kind, HttpResponse response) {
    long lowest = Long.MAX_VALUE;
    for (var header : response.getHeaders()) {
      if (header
          .getName()
          .toLowerCase(java.util.Locale.ROOT)
          .startsWith("x-ms-ratelimit-remaining-")) {
        try {
          lowest = Math.min(lowest, Long.parseLong(header.getValue().trim()));
        } catch (NumberFormatException e) {
          // Some of these headers are not counts; they say nothing about the budget.
        }
      }
    }
    String reads = response.getHeaderValue(HttpHeaderName.fromString(ReadBudget.HEADER));
    if (reads != null && response.getStatusCode() != 429) {
      try {
        readsRemaining.accept(Long.parseLong(reads.trim()));
      } catch (NumberFormatException e) {
        // Not a count: it says nothing about the budget.
      }
    }
    observe(
        kind,
        response.getStatusCode(),
        response.getHeaderValue(HttpHeaderName.RETRY_AFTER),
        lowest);
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
