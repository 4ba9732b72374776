package dev.vk.kubeletapi.spi;

import dev.vk.kubelet.types.ResourceUsage;

/** Serves {@code /metrics/resource}. */
@FunctionalInterface
public interface ResourceMetrics {

  /**
   * The current usage sample. May block; idempotent (read only). If it throws, the server still
   * answers 200 with {@code resource_scrape_error 1}, as the kubelet does.
   */
  ResourceUsage collect() throws KubeletApiException;
}
