package dev.vk.provider;

import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Secret;
import java.util.Optional;

/**
 * What a provider may read from and report to Kubernetes about the pods it runs: the Secrets and
 * ConfigMaps they mount or pull images with, and Events users see in {@code kubectl describe}.
 */
public interface KubernetesAccess {

  /** The Secret, or empty when it does not exist. May block (one API call). */
  Optional<V1Secret> secret(String namespace, String name) throws ProviderException;

  /** The ConfigMap, or empty when it does not exist. May block (one API call). */
  Optional<V1ConfigMap> configMap(String namespace, String name) throws ProviderException;

  /** Records an Event on the pod ({@code Normal} or {@code Warning}). Never blocks or throws. */
  void event(V1Pod pod, String type, String reason, String message);

  /** Whether this is a real connection (false for {@link #NONE}). */
  default boolean available() {
    return true;
  }

  /** No Kubernetes behind it: nothing exists and events are dropped (unit tests, tools). */
  KubernetesAccess NONE =
      new KubernetesAccess() {
        @Override
        public Optional<V1Secret> secret(String namespace, String name) {
          return Optional.empty();
        }

        @Override
        public Optional<V1ConfigMap> configMap(String namespace, String name) {
          return Optional.empty();
        }

        @Override
        public void event(V1Pod pod, String type, String reason, String message) {}

        @Override
        public boolean available() {
          return false;
        }
      };
}
