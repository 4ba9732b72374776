package dev.vk.kubeletapi.spi;

import dev.vk.kubelet.types.ProviderException;

/** Serves {@code /stats/summary}. */
@FunctionalInterface
public interface StatsSummary {

  /**
   * The kubelet stats summary ({@code k8s.io/kubelet/pkg/apis/stats/v1alpha1.Summary}: {@code
   * {"node":{...},"pods":[...]}}). May block; idempotent (read only).
   */
  JsonBody summary() throws KubeletApiException, ProviderException;
}
