package dev.vk.provider.aci.arm;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import dev.vk.provider.RateLimitListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongConsumer;
import reactor.core.publisher.Mono;

/**
 * The one client-side limiter every ARM request of the provider passes (pages and LRO polls too): a
 * token bucket of {@code requests-per-second}, plus a provider-wide pause when ARM answers 429 (its
 * Retry-After covers the whole subscription, not just the failed operation) or reports that a
 * {@code x-ms-ratelimit-remaining-*} budget is nearly spent. Thread-safe; {@link #processSync}
 * blocks for the wait, {@link #process} delays without blocking.
 */
public final class ArmRateLimiter implements HttpPipelinePolicy {

  /** Below this many remaining requests ARM is about to throttle; slow down a little first. */
  static final long LOW_REMAINING = 5;

  private static final Duration LOW_REMAINING_PAUSE = Duration.ofSeconds(1);

  /** The limiter's name in the node's metrics. */
  static final String NAME = "arm";

  private final Clock clock;
  private final RateLimitListener listener;
  private final long intervalNanos;
  private final LongConsumer readsRemaining;
  private Instant nextFree; // guarded by this
  private Instant pausedUntil; // guarded by this
  private long sent; // guarded by this

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
    this.nextFree = clock.instant();
    this.pausedUntil = clock.instant();
  }

  /** Takes the next slot; returns how long the caller must wait before sending. */
  synchronized Duration reserve() {
    Instant now = clock.instant();
    Instant start = latest(latest(now, nextFree), pausedUntil);
    nextFree = start.plusNanos(intervalNanos);
    sent++;
    return Duration.between(now, start);
  }

  /**
   * What is left of a pause that began after the caller reserved its slot (a 429 answered to
   * another request meanwhile); zero when the caller may send now.
   */
  synchronized Duration remainingPause() {
    Instant now = clock.instant();
    return pausedUntil.isAfter(now) ? Duration.between(now, pausedUntil) : Duration.ZERO;
  }

  /** ARM requests sent so far (attempts, pages and polls included), for cost accounting. */
  public synchronized long sent() {
    return sent;
  }

  /** Learns from a response: Retry-After of a 429, nearly exhausted ARM budgets. */
  synchronized void observe(int status, String retryAfter, long lowestRemaining) {
    Instant now = clock.instant();
    if (status == 429) {
      listener.throttled(NAME);
      Duration wait = ArmErrors.retryAfter(retryAfter).orElse(Duration.ofSeconds(1));
      pausedUntil = latest(pausedUntil, now.plus(wait));
    } else if (lowestRemaining <= LOW_REMAINING) {
      pausedUntil = latest(pausedUntil, now.plus(LOW_REMAINING_PAUSE));
    }
  }

  @Override
  public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
    return Mono.defer(
        () -> {
          Instant start = clock.instant();
          return Mono.delay(reserve()).then(whenUnpaused(next, start)).doOnNext(this::observe);
        });
  }

  private Mono<HttpResponse> whenUnpaused(HttpPipelineNextPolicy next, Instant start) {
    return Mono.defer(
        () -> {
          Duration pause = remainingPause();
          if (!pause.isZero()) {
            return Mono.delay(pause).then(whenUnpaused(next, start));
          }
          listener.waited(NAME, Duration.between(start, clock.instant()));
          return next.process();
        });
  }

  @Override
  public HttpResponse processSync(
      HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
    // A 429 to another request may pause the provider while this one waits for its slot.
    Instant start = clock.instant();
    for (Duration wait = reserve(); !wait.isZero(); wait = remainingPause()) {
      try {
        Thread.sleep(wait.toMillis(), wait.toNanosPart() % 1_000_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the ARM rate limit", e);
      }
    }
    listener.waited(NAME, Duration.between(start, clock.instant()));
    HttpResponse response = next.processSync();
    observe(response);
    return response;
  }

  private void observe(HttpResponse response) {
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
    observe(response.getStatusCode(), response.getHeaderValue(HttpHeaderName.RETRY_AFTER), lowest);
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
