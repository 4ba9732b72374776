package dev.vk.provider.fargate.ecs;

import dev.vk.provider.RateLimitListener;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * A token bucket that keeps this node's RunTask calls under the Fargate launch rate (RunTask on
 * Fargate: 20 calls/s per account, shared with everything else in the account), so a burst of pod
 * creations waits here instead of being throttled by AWS.
 */
public final class RunTaskLimiter {
  private final double perSecond;
  private final double burst;
  private final LongSupplier nanoTime;
  private final RateLimitListener listener;
  private double tokens;
  private long last;

  public RunTaskLimiter(double perSecond) {
    this(perSecond, RateLimitListener.NONE);
  }

  /**
   * @param listener hears how long each launch waited here, for the node's metrics
   */
  public RunTaskLimiter(double perSecond, RateLimitListener listener) {
    this(perSecond, Math.max(1, perSecond), System::nanoTime, listener);
  }

  RunTaskLimiter(double perSecond, double burst, LongSupplier nanoTime) {
    this(perSecond, burst, nanoTime, RateLimitListener.NONE);
  }

  RunTaskLimiter(
      double perSecond, double burst, LongSupplier nanoTime, RateLimitListener listener) {
    this.perSecond = perSecond;
    this.burst = burst;
    this.nanoTime = nanoTime;
    this.listener = listener;
    this.tokens = burst;
    this.last = nanoTime.getAsLong();
  }

  /**
   * Takes one permit. Blocks until one is free; a launch a pod waits for is the right place to
   * wait.
   */
  public void acquire() throws InterruptedException {
    long start = nanoTime.getAsLong();
    boolean waited = false;
    while (true) {
      Duration wait = tryAcquire();
      if (wait.isZero()) {
        Duration total = waited ? Duration.ofNanos(nanoTime.getAsLong() - start) : Duration.ZERO;
        listener.waited("run-task", total);
        return;
      }
      waited = true;
      LockSupport.parkNanos(wait.toNanos());
      if (Thread.interrupted()) {
        throw new InterruptedException("interrupted waiting for the RunTask rate limit");
      }
    }
  }

  /** Takes a permit if one is free and returns zero, else returns how long until the next one. */
  synchronized Duration tryAcquire() {
    long now = nanoTime.getAsLong();
    tokens = Math.min(burst, tokens + (now - last) / 1e9 * perSecond);
    last = now;
    if (tokens >= 1) {
      tokens -= 1;
      return Duration.ZERO;
    }
    return Duration.ofNanos(
        (long) Math.ceil((1 - tokens) / perSecond * TimeUnit.SECONDS.toNanos(1)));
  }
}
