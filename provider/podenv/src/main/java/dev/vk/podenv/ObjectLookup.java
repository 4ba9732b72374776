package dev.vk.podenv;

import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import java.util.List;
import java.util.Optional;

/**
 * Reads the objects a pod's environment refers to. Implemented by the node with API calls or
 * informer caches; methods may block and must be safe to call from several threads. The resolver
 * never modifies the returned objects.
 */
public interface ObjectLookup {

  /** The ConfigMap, or empty when the API answers NotFound. */
  Optional<V1ConfigMap> configMap(String namespace, String name) throws LookupException;

  /** The Secret (data already base64-decoded), or empty when the API answers NotFound. */
  Optional<V1Secret> secret(String namespace, String name) throws LookupException;

  /** Every Service in the namespace; an empty list when there are none. */
  List<V1Service> services(String namespace) throws LookupException;

  /**
   * One Service by name, or empty when it does not exist. The node reads the API server's own
   * Service this way, so its RBAC needs no list of another namespace's services.
   */
  default Optional<V1Service> service(String namespace, String name) throws LookupException {
    return services(namespace).stream()
        .filter(s -> s.getMetadata() != null && name.equals(s.getMetadata().getName()))
        .findFirst();
  }
}
