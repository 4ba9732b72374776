package dev.vk.provider.aci.mapping;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.kubelet.types.ProviderException.Kind;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Reads a Secret or ConfigMap for a pod field, turning absence into the right refusal. */
final class ObjectData {

  private final KubeObjects objects;
  private final String namespace;

  ObjectData(KubeObjects objects, String namespace) {
    this.objects = objects;
    this.namespace = namespace;
  }

  boolean available() {
    return objects.available();
  }

  /** The pod's bound service account token, or empty without Kubernetes. May block. */
  Optional<String> token(V1Pod pod, String audience, Duration lifetime) throws ProviderException {
    return objects.token(pod, audience, lifetime);
  }

  /**
   * The object's data; empty only when it is optional and absent or unreadable.
   *
   * @throws ProviderException INVALID_INPUT when the provider cannot read objects at all,
   *     UNAVAILABLE when a mandatory object does not exist yet (it may be created later)
   */
  Optional<Map<String, byte[]>> read(String field, boolean secret, String name, Boolean optional)
      throws ProviderException {
    boolean mayBeMissing = Boolean.TRUE.equals(optional);
    String kind = secret ? "Secret" : "ConfigMap";
    if (!objects.available()) {
      if (mayBeMissing) {
        return Optional.empty();
      }
      throw Rejection.of(
          field,
          "the azure provider cannot read "
              + kind
              + " \""
              + name
              + "\": the provider SPI offers no Secret/ConfigMap lookup");
    }
    Optional<Map<String, byte[]>> data =
        secret ? objects.secret(namespace, name) : objects.configMap(namespace, name);
    if (data.isEmpty() && !mayBeMissing) {
      throw new ProviderException(
          Kind.UNAVAILABLE, field + ": " + kind + " \"" + namespace + "/" + name + "\" not found");
    }
    return data;
  }
}
