package dev.vk.node.kube;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.node.events.EventRecorder;
import dev.vk.node.pod.NodeWrites;
import dev.vk.provider.KubernetesAccess;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Gives providers the node's own object reads (from the watch caches of {@link ReferencedObjects}),
 * token requests, pod annotations and events.
 */
public final class ApiKubernetesAccess implements KubernetesAccess {
  private final ReferencedObjects objects;
  private final EventRecorder events;
  private final ApiServiceAccounts accounts;
  private final ApiPodAnnotations annotations;
  private final ApiClient client;

  /**
   * @param objects the watch caches the node's environment lookups share
   * @param writes learns the annotations written here, so that the node does not take them for a
   *     user's change of the pod
   */
  public ApiKubernetesAccess(
      ApiClient client, ReferencedObjects objects, EventRecorder events, NodeWrites writes) {
    this.client = client;
    this.objects = objects;
    this.events = events;
    this.accounts = new ApiServiceAccounts(client);
    this.annotations = new ApiPodAnnotations(client, writes, ApiPodAnnotations.CARRY_WAIT);
  }

  @Override
  public Optional<V1ServiceAccount> serviceAccount(String namespace, String name)
      throws ProviderException {
    try {
      return objects.serviceAccount(namespace, name);
    } catch (ApiException e) {
      throw failure("serviceaccount", namespace, name, e);
    }
  }

  @Override
  public String serviceAccountToken(V1Pod pod, String audience, Duration lifetime)
      throws ProviderException {
    return accounts.token(pod, audience, lifetime);
  }

  @Override
  public void annotate(V1Pod pod, Map<String, String> annotations) {
    this.annotations.merge(pod, annotations);
  }

  @Override
  public Optional<V1Secret> secret(String namespace, String name) throws ProviderException {
    try {
      return objects.secret(namespace, name);
    } catch (ApiException e) {
      throw failure("secret", namespace, name, e);
    }
  }

  @Override
  public Optional<V1ConfigMap> configMap(String namespace, String name) throws ProviderException {
    try {
      return objects.configMap(namespace, name);
    } catch (ApiException e) {
      throw failure("configmap", namespace, name, e);
    }
  }

  @Override
  public Optional<String> clusterUid() throws ProviderException {
    try {
      return Optional.ofNullable(
          new CoreV1Api(client).readNamespace("kube-system").execute().getMetadata().getUid());
    } catch (ApiException e) {
      throw new ProviderException(
          ProviderException.Kind.UNAVAILABLE,
          "cannot read namespace kube-system for the cluster id: " + ApiErrors.describe(e),
          e);
    }
  }

  private static ProviderException failure(String kind, String ns, String name, ApiException e) {
    return new ProviderException(
        ProviderException.Kind.UNAVAILABLE,
        "cannot read " + kind + " " + ns + "/" + name + ": " + ApiErrors.describe(e),
        e);
  }

  @Override
  public void event(V1Pod pod, String type, String reason, String message) {
    events.record(pod, type, reason, message);
  }
}
