package dev.vk.kubeletapi.spi;

/**
 * Serves {@code /pods} (the pods bound to this node, desired state) or {@code /runningpods/} (the
 * pods as the provider runs them).
 */
@FunctionalInterface
public interface PodLister {

  /**
   * A v1 {@code PodList} ({@code
   * {"kind":"PodList","apiVersion":"v1","metadata":{},"items":[...]}}). May block; idempotent (read
   * only). Called for every request, so it should read a cache.
   */
  JsonBody list() throws KubeletApiException;
}
