package dev.vk.kubeletapi.spi;

/** Serves {@code /metrics}: the node process's own metrics. */
@FunctionalInterface
public interface NodeMetrics {

  /** Prometheus text exposition format 0.0.4. May block; idempotent (read only). */
  String scrape() throws KubeletApiException;
}
