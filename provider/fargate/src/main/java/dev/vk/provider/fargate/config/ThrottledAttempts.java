package dev.vk.provider.fargate.config;

import dev.vk.provider.RateLimitListener;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;

/**
 * Reports every attempt AWS refused as throttled, read from the SDK's own per-attempt metrics, so
 * attempts the SDK retried (and the caller never saw) are counted too. Runs on the calling thread
 * after each call; only counts, never blocks.
 */
final class ThrottledAttempts implements MetricPublisher {
  private static final String ATTEMPT = "ApiCallAttempt";
  private static final String THROTTLING = "Throttling";

  private final String limiter;
  private final RateLimitListener listener;

  /**
   * @param limiter the name the node's metrics give this client ({@code ecs}, {@code logs})
   */
  ThrottledAttempts(String limiter, RateLimitListener listener) {
    this.limiter = limiter;
    this.listener = listener;
  }

  @Override
  public void publish(MetricCollection call) {
    call.childrenWithName(ATTEMPT)
        .filter(attempt -> attempt.metricValues(CoreMetric.ERROR_TYPE).contains(THROTTLING))
        .forEach(attempt -> listener.throttled(limiter));
  }

  @Override
  public void close() {}
}
