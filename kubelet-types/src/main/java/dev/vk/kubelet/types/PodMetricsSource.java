package dev.vk.kubelet.types;

/**
 * Optional provider ability: reports cpu and memory use ({@code kubectl top}); the kubelet API
 * serves it at {@code /metrics/resource} and {@code /stats/summary}.
 */
public interface PodMetricsSource {

  /**
   * Current usage of the node and of every running pod and container. One call covers all pods, so
   * its cost must not grow with a remote call per pod. May block; idempotent (read only). If it
   * throws, {@code /metrics/resource} still answers 200 with {@code resource_scrape_error 1}, as
   * the kubelet does.
   */
  ResourceUsage usage() throws ProviderException;
}
