package dev.vk.node.kube;

import dev.vk.node.events.EventRecorder;
import dev.vk.podenv.LookupException;
import dev.vk.podenv.ObjectLookup;
import dev.vk.provider.KubernetesAccess;
import dev.vk.provider.ProviderException;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Secret;
import java.util.Optional;

/** Gives providers the node's own object reads and event recorder. */
public final class ApiKubernetesAccess implements KubernetesAccess {
  private final ObjectLookup objects;
  private final EventRecorder events;

  public ApiKubernetesAccess(ObjectLookup objects, EventRecorder events) {
    this.objects = objects;
    this.events = events;
  }

  @Override
  public Optional<V1Secret> secret(String namespace, String name) throws ProviderException {
    try {
      return objects.secret(namespace, name);
    } catch (LookupException e) {
      throw new ProviderException(ProviderException.Kind.UNAVAILABLE, e.getMessage(), e);
    }
  }

  @Override
  public Optional<V1ConfigMap> configMap(String namespace, String name) throws ProviderException {
    try {
      return objects.configMap(namespace, name);
    } catch (LookupException e) {
      throw new ProviderException(ProviderException.Kind.UNAVAILABLE, e.getMessage(), e);
    }
  }

  @Override
  public void event(V1Pod pod, String type, String reason, String message) {
    events.record(pod, type, reason, message);
  }
}
