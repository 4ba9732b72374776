package dev.vk.kubeletapi.limits;

import java.util.function.LongSupplier;

/**
 * A token bucket: {@code burst} permits, refilled at {@code perSecond}. Never blocks; thread-safe.
 */
public final class TokenBucket {
  private final double perNano;
  private final double burst;
  private final LongSupplier nanoClock;
  private double available;
  private long last;

  public TokenBucket(double perSecond, int burst, LongSupplier nanoClock) {
    this.perNano = perSecond / 1e9;
    this.burst = burst;
    this.nanoClock = nanoClock;
    this.available = burst;
    this.last = nanoClock.getAsLong();
  }

  /** Takes a permit if one is available now. */
  public synchronized boolean tryAcquire() {
    refill();
    if (available >= 1) {
      available -= 1;
      return true;
    }
    return false;
  }

  /** Whole seconds until the next permit, at least 1: a {@code Retry-After} value. */
  public synchronized int secondsUntilNext() {
    refill();
    double missing = Math.max(0, 1 - available);
    return (int) Math.max(1, Math.ceil(missing / perNano / 1e9));
  }

  private void refill() {
    long now = nanoClock.getAsLong();
    available = Math.min(burst, available + (now - last) * perNano);
    last = now;
  }
}
