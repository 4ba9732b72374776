package dev.vk.node.kube;

import dev.vk.kubelet.types.ProviderException;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.AuthenticationV1TokenRequest;
import io.kubernetes.client.openapi.models.V1BoundObjectReference;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1TokenRequestSpec;
import java.time.Duration;
import java.util.List;

/** The pod-bound tokens a kubelet mounts for service accounts (TokenRequest). */
final class ApiServiceAccounts {
  /** The API server refuses bound tokens shorter than ten minutes. */
  private static final long MIN_SECONDS = 600;

  private final CoreV1Api api;

  ApiServiceAccounts(ApiClient client) {
    this.api = new CoreV1Api(client);
  }

  String token(V1Pod pod, String audience, Duration lifetime) throws ProviderException {
    String namespace = pod.getMetadata().getNamespace();
    String account = pod.getSpec().getServiceAccountName();
    if (account == null || account.isBlank()) {
      account = "default";
    }
    V1TokenRequestSpec spec =
        new V1TokenRequestSpec()
            // No audience means the API server's own, as a kubelet asks for kube-api-access.
            .audiences(audience == null || audience.isBlank() ? List.of() : List.of(audience))
            .expirationSeconds(Math.max(MIN_SECONDS, lifetime.toSeconds()))
            .boundObjectRef(
                new V1BoundObjectReference()
                    .apiVersion("v1")
                    .kind("Pod")
                    .name(pod.getMetadata().getName())
                    .uid(pod.getMetadata().getUid()));
    try {
      AuthenticationV1TokenRequest answer =
          api.createNamespacedServiceAccountToken(
                  account, namespace, new AuthenticationV1TokenRequest().spec(spec))
              .execute();
      return answer.getStatus().getToken();
    } catch (ApiException e) {
      if (ApiErrors.notFound(e)) {
        throw new ProviderException(
            ProviderException.Kind.INVALID_INPUT,
            "spec.serviceAccountName: serviceaccount \"" + account + "\" does not exist");
      }
      throw failure("cannot request a token for " + namespace + "/" + account, e);
    }
  }

  private static ProviderException failure(String what, ApiException e) {
    return new ProviderException(
        ProviderException.Kind.UNAVAILABLE, what + ": " + ApiErrors.describe(e), e);
  }
}
