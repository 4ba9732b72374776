package dev.vk.provider.fargate.metrics;

import dev.vk.kubelet.types.PodMetricsSource;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.kubelet.types.ResourceUsage;
import dev.vk.provider.fargate.config.LazyClient;
import dev.vk.provider.fargate.pods.PodService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * The Fargate node's {@link PodMetricsSource}: Container Insights usage of the running pods, read
 * at most once per {@code freshness} however often metrics-server or {@code kubectl top} asks.
 * Between refreshes every caller gets the same sample (same timestamps), so a scrape never costs a
 * CloudWatch call of its own.
 */
public final class InsightsMetrics implements PodMetricsSource, AutoCloseable {
  private final LazyClient<CloudWatchClient> cloudWatch;
  private InsightsReader reader;
  private final PodService pods;
  private final Duration freshness;
  private final Clock clock;
  private final CpuIntegrator cpu = new CpuIntegrator();
  private ResourceUsage cached;
  private Instant cachedAt = Instant.MIN;

  /**
   * @param cloudWatch built on the first refresh that has containers to read, closed by {@link
   *     #close}
   * @param freshness how old a sample may be before the next call refreshes it
   */
  public InsightsMetrics(
      LazyClient<CloudWatchClient> cloudWatch, PodService pods, Duration freshness, Clock clock) {
    this.cloudWatch = cloudWatch;
    this.pods = pods;
    this.freshness = freshness;
    this.clock = clock;
  }

  /**
   * The cached sample, or a new one when it is older than the freshness: then blocks for one
   * GetMetricData call per 250 running containers (none when no pod runs). Callers that arrive
   * during a refresh wait for it rather than start their own. A failed refresh throws and the next
   * call tries again.
   */
  @Override
  public synchronized ResourceUsage usage() throws ProviderException {
    Instant now = clock.instant();
    if (cached != null && now.isBefore(cachedAt.plus(freshness))) {
      return cached;
    }
    List<ContainerSeries> series = ContainerSeries.of(pods.tasks());
    ResourceUsage usage =
        series.isEmpty()
            ? new ResourceUsage(null, List.of())
            : UsageMapper.map(series, reader().read(series, now), cpu, now);
    cached = usage;
    cachedAt = now;
    return usage;
  }

  private InsightsReader reader() {
    if (reader == null) {
      reader = new InsightsReader(cloudWatch.get());
    }
    return reader;
  }

  @Override
  public void close() {
    cloudWatch.close();
  }
}
