package dev.vk.provider;

import io.kubernetes.client.openapi.models.V1Pod;
import java.util.function.Consumer;

/**
 * Optional: the provider pushes pod status changes instead of being polled. Without it the pod
 * controller polls {@link PodLifecycle#getPods()}.
 */
public interface PodStatusNotifier {

  /**
   * Registers the callback that receives a pod (with status) each time its status changes. Called
   * once, before any pod is created; must not block. The callback is thread-safe and cheap. A
   * pushed status is one the provider observed in full; a pod whose status it does not know yet is
   * not pushed (see {@link PodLifecycle#getPods()}).
   */
  void notifyPods(Consumer<V1Pod> onStatusChange);
}
