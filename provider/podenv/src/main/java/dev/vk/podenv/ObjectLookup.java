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
}
