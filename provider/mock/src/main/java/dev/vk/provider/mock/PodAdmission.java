package dev.vk.provider.mock;

import dev.vk.kubelet.types.ProviderException;
import io.kubernetes.client.openapi.models.V1Pod;
import java.util.Optional;

/** Decides whether the mock accepts a pod, refusing what a serverless cloud would refuse. */
final class PodAdmission {

  private PodAdmission() {}

  /**
   * Checks {@code pod}; pure, so it may be called again for the same pod.
   *
   * @throws ProviderException INVALID_INPUT whose message starts with the offending field
   */
  static void check(V1Pod pod) throws ProviderException {
    if (pod.getMetadata() == null
        || pod.getMetadata().getNamespace() == null
        || pod.getMetadata().getName() == null) {
      throw ProviderException.invalid("metadata.namespace and metadata.name are required");
    }
    Optional<String> failure = PodBehaviour.failCreate(pod);
    if (failure.isPresent()) {
      throw ProviderException.invalid(failure.get());
    }
    if (pod.getSpec() == null
        || pod.getSpec().getContainers() == null
        || pod.getSpec().getContainers().isEmpty()) {
      throw ProviderException.invalid("spec.containers: at least one container is required");
    }
    if (Boolean.TRUE.equals(pod.getSpec().getHostNetwork())) {
      throw ProviderException.invalid(
          "spec.hostNetwork: pods on the host network are not supported; this node has no host");
    }
    PodBehaviour.of(pod);
  }
}
