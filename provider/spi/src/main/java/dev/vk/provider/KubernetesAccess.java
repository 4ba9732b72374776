package dev.vk.provider;

import dev.vk.kubelet.types.ProviderException;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What a provider may read from and report to Kubernetes about the pods it runs: the Secrets and
 * ConfigMaps they mount or pull images with, the service accounts they run as and the tokens a
 * kubelet would mount for them, annotations users read with {@code kubectl get}, and Events users
 * see in {@code kubectl describe}.
 */
public interface KubernetesAccess {

  /**
   * The Secret, or empty when it does not exist. Do not modify it. May block (one API call: the
   * node does not watch Secrets).
   */
  Optional<V1Secret> secret(String namespace, String name) throws ProviderException;

  /**
   * The ConfigMap, or empty when it does not exist. The node answers from a watch of the object
   * that every pod referencing it shares, so the object is shared too: do not modify it. May block
   * (a new watch's first list, or one API call when no watch can answer).
   */
  Optional<V1ConfigMap> configMap(String namespace, String name) throws ProviderException;

  /** The ServiceAccount, or empty when it does not exist; read as {@link #configMap}. May block. */
  Optional<V1ServiceAccount> serviceAccount(String namespace, String name) throws ProviderException;

  /**
   * A token of the pod's service account bound to the pod (the TokenRequest API, as a kubelet fills
   * a projected {@code serviceAccountToken} source). It stops working when the pod is deleted. May
   * block (one API call).
   *
   * @param audience the audience, or null for the API server's own
   * @param lifetime the requested lifetime; the API server may grant a different one
   */
  String serviceAccountToken(V1Pod pod, String audience, Duration lifetime)
      throws ProviderException;

  /**
   * Merges annotations into the pod's metadata, for facts users read with {@code kubectl get -o
   * yaml} (such as the size a cloud chose). They go with the pod's next status write, or alone if
   * none follows within 10 s, so a provider that annotates before it hands over the pod's first
   * status costs no API call of its own. Idempotent; never blocks or throws (a write that keeps
   * failing is logged).
   */
  void annotate(V1Pod pod, Map<String, String> annotations);

  /** Records an Event on the pod ({@code Normal} or {@code Warning}). Never blocks or throws. */
  void event(V1Pod pod, String type, String reason, String message);

  /**
   * The UID of the {@code kube-system} namespace: a stable id of the cluster, the same for every
   * node of it and different for every other cluster. Providers tag cloud resources with it when no
   * cluster id is configured. Empty without Kubernetes. May block (one API call).
   */
  default Optional<String> clusterUid() throws ProviderException {
    return Optional.empty();
  }

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
        public Optional<V1ServiceAccount> serviceAccount(String namespace, String name) {
          return Optional.empty();
        }

        @Override
        public String serviceAccountToken(V1Pod pod, String audience, Duration lifetime)
            throws ProviderException {
          throw new ProviderException(
              ProviderException.Kind.UNSUPPORTED, "no Kubernetes API to request a token from");
        }

        @Override
        public void annotate(V1Pod pod, Map<String, String> annotations) {}

        @Override
        public void event(V1Pod pod, String type, String reason, String message) {}

        @Override
        public boolean available() {
          return false;
        }
      };
}
