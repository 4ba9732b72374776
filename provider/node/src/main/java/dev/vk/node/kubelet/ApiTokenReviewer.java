package dev.vk.node.kubelet;

import dev.vk.kubeletapi.spi.KubeletApiException;
import dev.vk.kubeletapi.spi.TokenReviewer;
import dev.vk.kubeletapi.spi.UserInfo;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.AuthenticationV1Api;
import io.kubernetes.client.openapi.models.V1TokenReview;
import io.kubernetes.client.openapi.models.V1TokenReviewSpec;
import io.kubernetes.client.openapi.models.V1TokenReviewStatus;
import io.kubernetes.client.openapi.models.V1UserInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Authenticates bearer tokens with the API server's TokenReview, as a kubelet's webhook does. */
public final class ApiTokenReviewer implements TokenReviewer {
  private final AuthenticationV1Api api;

  public ApiTokenReviewer(ApiClient client) {
    this.api = new AuthenticationV1Api(client);
  }

  @Override
  public Optional<UserInfo> review(String token) throws KubeletApiException {
    V1TokenReview review = new V1TokenReview().spec(new V1TokenReviewSpec().token(token));
    V1TokenReviewStatus status;
    try {
      status = api.createTokenReview(review).execute().getStatus();
    } catch (ApiException e) {
      throw new KubeletApiException(
          KubeletApiException.Kind.UNAVAILABLE, "token review failed: HTTP " + e.getCode(), e);
    }
    if (status == null
        || !Boolean.TRUE.equals(status.getAuthenticated())
        || status.getUser() == null) {
      return Optional.empty();
    }
    V1UserInfo u = status.getUser();
    return Optional.of(
        new UserInfo(
            u.getUsername(),
            u.getUid(),
            u.getGroups() == null ? List.of() : u.getGroups(),
            u.getExtra() == null ? Map.of() : u.getExtra()));
  }
}
