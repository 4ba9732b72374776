package dev.vk.kubeletapi.spi;

import dev.vk.kubelet.types.ProviderException;

/**
 * Serves {@code /pods} (the pods bound to this node, desired state, as a kubelet's pod manager
 * lists them: a pod leaves when it leaves the API) or {@code /runningpods/} (the pods as the
 * provider runs them, as a kubelet's container runtime lists them: only pods with a running
 * container).
 */
@FunctionalInterface
public interface PodLister {

  /**
   * A v1 {@code PodList} ({@code
   * {"kind":"PodList","apiVersion":"v1","metadata":{},"items":[...]}}). May block; idempotent (read
   * only). Called for every request, so it should read a cache.
   */
  JsonBody list() throws KubeletApiException, ProviderException;
}
