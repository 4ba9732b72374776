package dev.vk.kubeletapi.spi;

/** Authorizes requests, typically with a {@code SubjectAccessReview}. */
@FunctionalInterface
public interface AccessReviewer {

  /**
   * Whether {@code user} may do {@code attributes}. May block (a remote call); must be idempotent.
   * The server caches decisions (allowed 5 minutes, denied 30 seconds). Throw {@link
   * KubeletApiException} when the review itself failed; the client then gets 500.
   */
  AccessDecision review(UserInfo user, AccessAttributes attributes) throws KubeletApiException;
}
