package dev.vk.provider.mock;

import dev.vk.kubelet.types.ProviderException;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.time.Instant;

/**
 * A pod as the mock holds it: what was asked for, when, and the address it got. Everything else,
 * status included, is computed from these.
 *
 * @param pod metadata and spec as last created or updated, without status; never handed out
 * @param createdAt when the mock accepted the pod, the origin of its simulated timeline
 * @param podIp the address allocated at creation
 * @param behaviour what the pod's annotations ask the mock to simulate
 */
record PodRecord(V1Pod pod, Instant createdAt, String podIp, PodBehaviour behaviour) {

  /**
   * A record of a private copy of {@code pod}.
   *
   * @throws ProviderException INVALID_INPUT when a {@code mock.vk.dev/*} annotation is malformed
   */
  static PodRecord of(V1Pod pod, Instant createdAt, String podIp) throws ProviderException {
    V1Pod copy = copy(pod).status(null);
    return new PodRecord(copy, createdAt, podIp, PodBehaviour.of(copy));
  }

  String key() {
    return key(pod.getMetadata().getNamespace(), pod.getMetadata().getName());
  }

  String uid() {
    return pod.getMetadata().getUid();
  }

  static String key(String namespace, String name) {
    return namespace + "/" + name;
  }

  /** A deep copy, so that no caller shares mutable model objects with the mock's state. */
  static V1Pod copy(V1Pod pod) {
    return JSON.deserialize(JSON.serialize(pod), V1Pod.class);
  }

  static V1PodStatus copy(V1PodStatus status) {
    return JSON.deserialize(JSON.serialize(status), V1PodStatus.class);
  }
}
