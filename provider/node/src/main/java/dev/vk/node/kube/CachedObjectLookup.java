package dev.vk.node.kube;

import dev.vk.podenv.LookupException;
import dev.vk.podenv.ObjectLookup;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import java.util.List;
import java.util.Optional;

/**
 * The environment's objects from the node's watch caches, so creating a pod reads nothing from the
 * API: Services from the {@link ServiceCache}, ConfigMaps and Secrets from the {@link
 * ReferencedObjects} the providers share.
 */
public final class CachedObjectLookup implements ObjectLookup {
  private final ReferencedObjects objects;
  private final ServiceCache services;

  public CachedObjectLookup(ReferencedObjects objects, ServiceCache services) {
    this.objects = objects;
    this.services = services;
  }

  @Override
  public Optional<V1ConfigMap> configMap(String namespace, String name) throws LookupException {
    try {
      return objects.configMap(namespace, name);
    } catch (ApiException e) {
      throw failure("configmap", namespace, name, e);
    }
  }

  @Override
  public Optional<V1Secret> secret(String namespace, String name) throws LookupException {
    try {
      return objects.secret(namespace, name);
    } catch (ApiException e) {
      throw failure("secret", namespace, name, e);
    }
  }

  @Override
  public List<V1Service> services(String namespace) {
    return services.services(namespace);
  }

  @Override
  public Optional<V1Service> service(String namespace, String name) {
    return services.service(namespace, name);
  }

  private static LookupException failure(String kind, String ns, String name, ApiException e) {
    return new LookupException(
        "cannot read " + kind + " " + ns + "/" + name + ": " + ApiErrors.describe(e), e);
  }
}
