package dev.vk.kubeletapi.auth;

import dev.vk.kubeletapi.limits.TokenBucket;
import dev.vk.kubeletapi.spi.KubeletApiException;
import dev.vk.kubeletapi.spi.TokenReviewer;
import dev.vk.kubeletapi.spi.UserInfo;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends at most a bounded rate of TokenReviews to the API server; beyond it a review fails with
 * {@link KubeletApiException.Kind#TOO_MANY_REQUESTS} (429 with Retry-After) without a call. Sits
 * behind the cache, so tokens already known are never limited. Thread-safe; may block in the
 * delegate.
 */
public final class RateLimitedTokenReviewer implements TokenReviewer {
  private static final Logger log = LoggerFactory.getLogger(RateLimitedTokenReviewer.class);

  private final TokenReviewer delegate;
  private final TokenBucket bucket;
  private final AtomicLong refused = new AtomicLong();

  public RateLimitedTokenReviewer(TokenReviewer delegate, TokenBucket bucket) {
    this.delegate = delegate;
    this.bucket = bucket;
  }

  @Override
  public Optional<UserInfo> review(String token) throws KubeletApiException {
    if (!bucket.tryAcquire()) {
      long count = refused.incrementAndGet();
      if (count % 1000 == 1) {
        log.warn("too many new bearer tokens: TokenReviews limited ({} refused so far)", count);
      }
      throw new TooManyReviews(bucket.secondsUntilNext());
    }
    return delegate.review(token);
  }

  /** A review refused by the rate limit, with how long to wait. */
  static final class TooManyReviews extends KubeletApiException {
    private static final long serialVersionUID = 1L;
    private final int retryAfterSeconds;

    TooManyReviews(int retryAfterSeconds) {
      super(Kind.TOO_MANY_REQUESTS, "too many token reviews; retry later");
      this.retryAfterSeconds = retryAfterSeconds;
    }

    int retryAfterSeconds() {
      return retryAfterSeconds;
    }
  }
}
