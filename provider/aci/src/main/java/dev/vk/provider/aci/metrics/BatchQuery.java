package dev.vk.provider.aci.metrics;

import dev.vk.kubelet.types.ProviderException;
import java.time.Instant;
import java.util.List;

/** One batch read of per-minute container metrics; {@link MetricsBatchClient} is the real one. */
interface BatchQuery {

  /** Samples of at most {@link MetricsBatchClient#MAX_RESOURCES} groups; blocks on one call. */
  List<MetricSample> query(List<String> resourceIds, Instant start, Instant end)
      throws ProviderException;
}
