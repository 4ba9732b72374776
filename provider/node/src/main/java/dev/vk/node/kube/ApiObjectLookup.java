package dev.vk.node.kube;

import dev.vk.podenv.LookupException;
import dev.vk.podenv.ObjectLookup;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import java.util.List;
import java.util.Optional;

/**
 * Reads config maps, secrets and services on demand. A kubelet identity may only read the config
 * maps and secrets its own pods reference, and a cluster-wide cache of them would cost memory, so
 * there is no informer here. The node takes Services from {@link ServiceCache} instead ({@link
 * CachedServicesLookup}).
 */
public final class ApiObjectLookup implements ObjectLookup {
  private final CoreV1Api api;

  public ApiObjectLookup(ApiClient client) {
    this.api = new CoreV1Api(client);
  }

  @Override
  public Optional<V1ConfigMap> configMap(String namespace, String name) throws LookupException {
    try {
      return Optional.of(api.readNamespacedConfigMap(name, namespace).execute());
    } catch (ApiException e) {
      return absentOrFail(e, "configmap", namespace, name);
    }
  }

  @Override
  public Optional<V1Secret> secret(String namespace, String name) throws LookupException {
    try {
      return Optional.of(api.readNamespacedSecret(name, namespace).execute());
    } catch (ApiException e) {
      return absentOrFail(e, "secret", namespace, name);
    }
  }

  @Override
  public List<V1Service> services(String namespace) throws LookupException {
    try {
      return api.listNamespacedService(namespace).execute().getItems();
    } catch (ApiException e) {
      throw new LookupException(
          "cannot list services in " + namespace + ": " + ApiErrors.describe(e), e);
    }
  }

  @Override
  public Optional<V1Service> service(String namespace, String name) throws LookupException {
    try {
      return Optional.of(api.readNamespacedService(name, namespace).execute());
    } catch (ApiException e) {
      return absentOrFail(e, "service", namespace, name);
    }
  }

  private static <T> Optional<T> absentOrFail(ApiException e, String kind, String ns, String name)
      throws LookupException {
    if (ApiErrors.notFound(e)) {
      return Optional.empty();
    }
    throw new LookupException(
        "cannot read " + kind + " " + ns + "/" + name + ": " + ApiErrors.describe(e), e);
  }
}
