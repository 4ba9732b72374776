package dev.vk.provider.aci.arm;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.kubelet.types.ProviderException.Kind;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one ARM operation with the provider's retry rule: only THROTTLED and UNAVAILABLE failures
 * are retried, after full-jitter exponential backoff and never before ARM's Retry-After; every
 * failure leaves as a classified {@link ProviderException}. The SDK's own retries are off, so the
 * operation passed in must be safe to repeat (GET, LIST, DELETE and PUT by name are).
 */
public final class ArmCalls {

  /** One ARM operation; may throw whatever the SDK throws. */
  @FunctionalInterface
  interface ArmCall<T> {
    T run() throws Exception;
  }

  /** Waits between attempts; blocks. Tests replace it to avoid real waiting. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private static final Logger logger = LoggerFactory.getLogger(ArmCalls.class);

  private final int maxAttempts;
  private final Duration baseDelay;
  private final Duration maxDelay;
  private final Sleeper sleeper;

  ArmCalls(int maxAttempts, Duration baseDelay, Duration maxDelay, Sleeper sleeper) {
    this.maxAttempts = maxAttempts;
    this.baseDelay = baseDelay;
    this.maxDelay = maxDelay;
    this.sleeper = sleeper;
  }

  /** The production policy: 8 attempts, full-jitter backoff from 250 ms up to 20 s. */
  public static ArmCalls standard() {
    return new ArmCalls(
        8, Duration.ofMillis(250), Duration.ofSeconds(20), d -> Thread.sleep(d.toMillis()));
  }

  /**
   * Runs {@code call}, retrying transient failures. Blocks for the calls and the backoff.
   *
   * @param what the operation and its target, for messages and logs
   */
  <T> T call(String what, ArmCall<T> call) throws ProviderException {
    for (int attempt = 1; ; attempt++) {
      ProviderException failure;
      try {
        return call.run();
      } catch (Exception e) {
        failure = ArmErrors.classify(what, e);
      }
      boolean retriable = failure.kind() == Kind.THROTTLED || failure.kind() == Kind.UNAVAILABLE;
      if (!retriable || attempt >= maxAttempts) {
        throw failure;
      }
      Duration wait = delay(attempt, failure);
      logger.debug(
          "{} failed ({}), attempt {}; retrying in {}", what, failure.kind(), attempt, wait);
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ProviderException(Kind.UNAVAILABLE, what + ": interrupted", e);
      }
    }
  }

  /** Full jitter: uniform in [0, min(max, base * 2^attempt)), but at least Retry-After. */
  Duration delay(int attempt, ProviderException failure) {
    long cap = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(attempt, 20));
    Duration jittered = Duration.ofMillis(ThreadLocalRandom.current().nextLong(cap + 1));
    Duration floor = failure.retryAfter().orElse(Duration.ZERO);
    // A little past Retry-After, so that clock skew never lands the retry early.
    return jittered.compareTo(floor) >= 0
        ? jittered
        : floor.plusMillis(50 + jittered.toMillis() / 4);
  }
}
