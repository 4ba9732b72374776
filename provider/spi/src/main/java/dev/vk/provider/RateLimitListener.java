package dev.vk.provider;

import java.time.Duration;

/**
 * Where a provider reports its own client-side rate limiting, so that the node can publish it as
 * metrics without providers depending on a metrics library. Implementations are thread-safe, cheap
 * and never block: providers call them on their request path, from any thread.
 */
public interface RateLimitListener {
  /** Drops every report: for tests and tools. */
  RateLimitListener NONE =
      new RateLimitListener() {
        @Override
        public void waited(String limiter, Duration wait) {}

        @Override
        public void throttled(String limiter) {}
      };

  /**
   * A request passed the provider's limiter named {@code limiter} after waiting {@code wait} (zero
   * when it did not wait). Called once per request that passes the limiter.
   */
  void waited(String limiter, Duration wait);

  /**
   * The cloud refused one attempt as throttled (HTTP 429 or a throttling error code), counted per
   * attempt, whether or not a retry later succeeded.
   */
  void throttled(String limiter);
}
