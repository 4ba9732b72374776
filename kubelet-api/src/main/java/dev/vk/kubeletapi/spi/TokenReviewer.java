package dev.vk.kubeletapi.spi;

import java.util.Optional;

/** Authenticates bearer tokens, typically with a {@code TokenReview}. */
@FunctionalInterface
public interface TokenReviewer {

  /**
   * The user the token belongs to, or empty when the token is not valid. May block (a remote call);
   * must be idempotent. The server caches answers (2 minutes), keyed by a hash of the token. Throw
   * {@link KubeletApiException} when the review itself failed; the client then gets 401.
   */
  Optional<UserInfo> review(String token) throws KubeletApiException;
}
