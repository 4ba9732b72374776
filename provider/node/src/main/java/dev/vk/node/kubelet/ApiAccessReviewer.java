package dev.vk.node.kubelet;

import dev.vk.kubeletapi.spi.AccessAttributes;
import dev.vk.kubeletapi.spi.AccessDecision;
import dev.vk.kubeletapi.spi.AccessReviewer;
import dev.vk.kubeletapi.spi.KubeletApiException;
import dev.vk.kubeletapi.spi.UserInfo;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.AuthorizationV1Api;
import io.kubernetes.client.openapi.models.V1ResourceAttributes;
import io.kubernetes.client.openapi.models.V1SubjectAccessReview;
import io.kubernetes.client.openapi.models.V1SubjectAccessReviewSpec;
import io.kubernetes.client.openapi.models.V1SubjectAccessReviewStatus;

/** Authorizes kubelet API requests with the API server's SubjectAccessReview on nodes/<name>. */
public final class ApiAccessReviewer implements AccessReviewer {
  private final AuthorizationV1Api api;

  public ApiAccessReviewer(ApiClient client) {
    this.api = new AuthorizationV1Api(client);
  }

  @Override
  public AccessDecision review(UserInfo user, AccessAttributes a) throws KubeletApiException {
    V1SubjectAccessReview review =
        new V1SubjectAccessReview()
            .spec(
                new V1SubjectAccessReviewSpec()
                    .user(user.name())
                    .uid(user.uid().isEmpty() ? null : user.uid())
                    .groups(user.groups())
                    .extra(user.extra().isEmpty() ? null : user.extra())
                    .resourceAttributes(
                        new V1ResourceAttributes()
                            .group("")
                            .version(AccessAttributes.API_VERSION)
                            .resource(a.resource())
                            .subresource(a.subresource())
                            .name(a.name())
                            .verb(a.verb())));
    V1SubjectAccessReviewStatus status;
    try {
      status = api.createSubjectAccessReview(review).execute().getStatus();
    } catch (ApiException e) {
      throw new KubeletApiException(
          KubeletApiException.Kind.UNAVAILABLE, "access review failed: HTTP " + e.getCode(), e);
    }
    if (status != null && status.getAllowed()) {
      return AccessDecision.allow();
    }
    String reason = status == null || status.getReason() == null ? "" : status.getReason();
    return AccessDecision.deny(reason);
  }
}
