package dev.vk.node.metrics;

import dev.vk.provider.RateLimitListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** Publishes what a provider reports of its own rate limiting, per limiter. */
public final class RateLimitMeters implements RateLimitListener {
  /** Prometheus: {@code vk_provider_ratelimit_wait_seconds_{count,sum,max}}. */
  public static final String WAIT = "vk.provider.ratelimit.wait";

  /** Prometheus: {@code vk_provider_ratelimit_throttled_total}. */
  public static final String THROTTLED = "vk.provider.ratelimit.throttled";

  private final String provider;
  private final MeterRegistry registry;

  public RateLimitMeters(String provider, MeterRegistry registry) {
    this.provider = provider;
    this.registry = registry;
  }

  @Override
  public void waited(String limiter, Duration wait) {
    Timer.builder(WAIT)
        .description("Time requests waited for the provider's own rate limiter")
        .tags("provider", provider, "limiter", limiter)
        .register(registry)
        .record(wait);
  }

  @Override
  public void throttled(String limiter) {
    Counter.builder(THROTTLED)
        .description("Request attempts the cloud refused as throttled (429), retries included")
        .tags("provider", provider, "limiter", limiter)
        .register(registry)
        .increment();
  }
}
