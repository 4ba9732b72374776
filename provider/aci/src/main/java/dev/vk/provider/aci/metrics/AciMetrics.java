package dev.vk.provider.aci.metrics;

import dev.vk.kubelet.types.PodMetricsSource;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.kubelet.types.ResourceUsage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ACI node's resource usage, read from Azure Monitor at most once per {@code freshness}: one
 * batch call per 50 running groups, however often the kubelet API is scraped. A scrape in between
 * gets the cached answer. Which pods run, and since when, comes from the status tracker's cache, so
 * no ARM call is added. A failed refresh serves the last answer (its timestamps do not move, so
 * metrics-server computes no rate from it) and is retried after {@code freshness} or the
 * Retry-After of a 429, whichever is later. Thread-safe; {@link #usage} blocks while it refreshes.
 */
public final class AciMetrics implements PodMetricsSource {

  private static final Logger logger = LoggerFactory.getLogger(AciMetrics.class);

  /** How far back the first query looks, so a counter starts with some history. */
  static final Duration FIRST_LOOKBACK = Duration.ofMinutes(10);

  /** How far back later queries reach at most (a longer gap is not integrated). */
  static final Duration MAX_LOOKBACK = Duration.ofHours(1);

  /** Minutes re-read by the next query, because Azure may still revise them. */
  static final Duration OVERLAP = Duration.ofMinutes(3);

  private final BatchQuery client;
  private final Supplier<List<MetricsTarget>> targets;
  private final String resourceGroupId;
  private final Duration freshness;
  private final Clock clock;
  private final UsageLedger ledger = new UsageLedger(MetricsBatchClient.INTERVAL);
  private Instant nextRefresh; // guarded by this
  private Instant lastEnd; // guarded by this
  private ResourceUsage cached; // guarded by this

  /**
   * @param targets the pods running now (called once per refresh; must not block on the cloud)
   * @param resourceGroupId {@code /subscriptions/<id>/resourceGroups/<name>}
   * @param freshness how long an answer is served before Azure Monitor is asked again
   */
  public AciMetrics(
      MetricsBatchClient client,
      Supplier<List<MetricsTarget>> targets,
      String resourceGroupId,
      Duration freshness,
      Clock clock) {
    this((BatchQuery) client, targets, resourceGroupId, freshness, clock);
  }

  AciMetrics(
      BatchQuery client,
      Supplier<List<MetricsTarget>> targets,
      String resourceGroupId,
      Duration freshness,
      Clock clock) {
    this.client = client;
    this.targets = targets;
    this.resourceGroupId = resourceGroupId;
    this.freshness = freshness;
    this.clock = clock;
  }

  /**
   * The cached usage, refreshed first when older than {@code freshness}. Idempotent within the
   * freshness; may block on Azure Monitor.
   *
   * @throws ProviderException when a refresh failed and nothing was read before
   */
  @Override
  public synchronized ResourceUsage usage() throws ProviderException {
    Instant now = clock.instant();
    if (nextRefresh == null || !now.isBefore(nextRefresh)) {
      try {
        cached = refresh(now);
        nextRefresh = now.plus(freshness);
      } catch (ProviderException e) {
        Duration wait = e.retryAfter().filter(r -> r.compareTo(freshness) > 0).orElse(freshness);
        nextRefresh = now.plus(wait);
        if (cached == null) {
          throw e;
        }
        logger.warn(
            "reading pod metrics from Azure Monitor failed, serving the last answer: {}",
            e.getMessage());
      }
    }
    return cached;
  }

  private ResourceUsage refresh(Instant now) throws ProviderException {
    List<MetricsTarget> running =
        targets.get().stream().filter(t -> !t.containers().isEmpty()).toList();
    if (running.isEmpty()) {
      ledger.retainRunning(running);
      return ledger.usage(running);
    }
    Instant start =
        (lastEnd == null
                ? now.minus(FIRST_LOOKBACK)
                : latest(now.minus(MAX_LOOKBACK), lastEnd.minus(OVERLAP)))
            .truncatedTo(ChronoUnit.MINUTES);
    List<MetricSample> samples = new ArrayList<>();
    for (int i = 0; i < running.size(); i += MetricsBatchClient.MAX_RESOURCES) {
      List<String> ids =
          running
              .subList(i, Math.min(running.size(), i + MetricsBatchClient.MAX_RESOURCES))
              .stream()
              .map(
                  t ->
                      resourceGroupId
                          + "/providers/Microsoft.ContainerInstance/containerGroups/"
                          + t.group())
              .toList();
      samples.addAll(client.query(ids, start, now));
    }
    ledger.record(samples, running, start, now);
    lastEnd = now;
    return ledger.usage(running);
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
