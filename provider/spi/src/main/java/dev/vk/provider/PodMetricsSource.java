package dev.vk.provider;

import dev.vk.kubelet.types.ResourceUsage;

/** Optional: the provider reports cpu and memory use ({@code kubectl top}, /stats/summary). */
public interface PodMetricsSource {

  /**
   * Current usage of the node and of every running pod and container. One call covers all pods, so
   * its cost must not grow with a remote call per pod. May block.
   */
  ResourceUsage usage() throws ProviderException;
}
