package dev.vk.node.pod;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.PodLifecycle;
import io.kubernetes.client.openapi.models.V1Pod;
import java.util.function.Consumer;

/**
 * Offers the status of every pod the provider lists whose API pod has the same UID, for providers
 * that cannot push status. One provider call; unlike the {@link Reconciler} it never deletes,
 * adopts or queues a pod sync, so it can run often.
 */
final class StatusPoll {
  private final PodLifecycle provider;
  private final ApiPods pods;
  private final Consumer<V1Pod> status;

  /**
   * @param status receives each listed pod that an API pod owns
   */
  StatusPoll(PodLifecycle provider, ApiPods pods, Consumer<V1Pod> status) {
    this.provider = provider;
    this.pods = pods;
    this.status = status;
  }

  /** One poll. Blocks on the provider; idempotent. */
  void poll() throws ProviderException {
    for (V1Pod listed : provider.getPods()) {
      V1Pod api = pods.get(PodFacts.key(listed));
      if (api != null && PodFacts.sameUid(api, listed)) {
        status.accept(listed);
      }
    }
  }
}
