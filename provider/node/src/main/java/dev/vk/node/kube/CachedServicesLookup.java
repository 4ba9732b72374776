package dev.vk.node.kube;

import dev.vk.podenv.LookupException;
import dev.vk.podenv.ObjectLookup;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import java.util.List;
import java.util.Optional;

/**
 * Services from the {@link ServiceCache} (no API read per pod); ConfigMaps and Secrets from {@code
 * reads}, on demand, since a node identity may read only what its own pods reference.
 */
public final class CachedServicesLookup implements ObjectLookup {
  private final ObjectLookup reads;
  private final ServiceCache services;

  public CachedServicesLookup(ObjectLookup reads, ServiceCache services) {
    this.reads = reads;
    this.services = services;
  }

  @Override
  public Optional<V1ConfigMap> configMap(String namespace, String name) throws LookupException {
    return reads.configMap(namespace, name);
  }

  @Override
  public Optional<V1Secret> secret(String namespace, String name) throws LookupException {
    return reads.secret(namespace, name);
  }

  @Override
  public List<V1Service> services(String namespace) {
    return services.services(namespace);
  }

  @Override
  public Optional<V1Service> service(String namespace, String name) {
    return services.service(namespace, name);
  }
}
