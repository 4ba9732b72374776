package dev.vk.provider.aci.mapping;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.KubernetesAccess;
import io.kubernetes.client.openapi.models.V1Pod;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Secrets and ConfigMaps, which secret/configMap volumes, Azure File keys and
 * imagePullSecrets need, through the node's {@link KubernetesAccess}. Without one ({@link #NONE})
 * pods that need object contents are refused.
 */
public interface KubeObjects {

  /** Whether objects can be read at all. */
  boolean available();

  /** A Secret's data, or empty when it does not exist. May block. */
  Optional<Map<String, byte[]>> secret(String namespace, String name) throws ProviderException;

  /** A ConfigMap's data and binaryData, or empty when it does not exist. May block. */
  Optional<Map<String, byte[]>> configMap(String namespace, String name) throws ProviderException;

  /**
   * A token of the pod's service account bound to the pod, or empty without Kubernetes. May block.
   */
  Optional<String> token(V1Pod pod, String audience, Duration lifetime) throws ProviderException;

  /** A ServiceAccount's annotations; empty when it or Kubernetes does not exist. May block. */
  default Map<String, String> serviceAccountAnnotations(String namespace, String name)
      throws ProviderException {
    return Map.of();
  }

  /** Reads through the node's Kubernetes access. */
  static KubeObjects of(KubernetesAccess kubernetes) {
    if (!kubernetes.available()) {
      return NONE;
    }
    return new KubeObjects() {
      @Override
      public boolean available() {
        return true;
      }

      @Override
      public Optional<Map<String, byte[]>> secret(String namespace, String name)
          throws ProviderException {
        return kubernetes
            .secret(namespace, name)
            .map(s -> s.getData() == null ? Map.of() : s.getData());
      }

      @Override
      public Optional<Map<String, byte[]>> configMap(String namespace, String name)
          throws ProviderException {
        return kubernetes
            .configMap(namespace, name)
            .map(
                c -> {
                  Map<String, byte[]> data = new HashMap<>();
                  if (c.getBinaryData() != null) {
                    data.putAll(c.getBinaryData());
                  }
                  if (c.getData() != null) {
                    c.getData().forEach((k, v) -> data.put(k, v.getBytes(StandardCharsets.UTF_8)));
                  }
                  return data;
                });
      }

      @Override
      public Optional<String> token(V1Pod pod, String audience, Duration lifetime)
          throws ProviderException {
        return Optional.of(kubernetes.serviceAccountToken(pod, audience, lifetime));
      }

      @Override
      public Map<String, String> serviceAccountAnnotations(String namespace, String name)
          throws ProviderException {
        return kubernetes
            .serviceAccount(namespace, name)
            .map(sa -> sa.getMetadata() == null ? null : sa.getMetadata().getAnnotations())
            .orElse(Map.of());
      }
    };
  }

  /** No Kubernetes behind it. */
  KubeObjects NONE =
      new KubeObjects() {
        @Override
        public boolean available() {
          return false;
        }

        @Override
        public Optional<Map<String, byte[]>> secret(String namespace, String name) {
          return Optional.empty();
        }

        @Override
        public Optional<Map<String, byte[]>> configMap(String namespace, String name) {
          return Optional.empty();
        }

        @Override
        public Optional<String> token(V1Pod pod, String audience, Duration lifetime) {
          return Optional.empty();
        }
      };
}
