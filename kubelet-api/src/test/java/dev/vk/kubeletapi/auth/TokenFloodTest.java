package dev.vk.kubeletapi.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.kubeletapi.http.ApiError;
import dev.vk.kubeletapi.limits.TokenBucket;
import dev.vk.kubeletapi.spi.AccessDecision;
import dev.vk.kubeletapi.spi.UserInfo;
import io.netty.handler.codec.http.HttpMethod;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Made-up bearer tokens can neither push out valid ones nor cost unbounded TokenReviews. */
class TokenFloodTest {
  private static final UserInfo ALICE = UserInfo.of("alice", List.of());

  private final AtomicLong now = new AtomicLong();
  private final AtomicInteger reviews = new AtomicInteger();
  private final CachingTokenReviewer tokens =
      new CachingTokenReviewer(
          new RateLimitedTokenReviewer(
              token -> {
                reviews.incrementAndGet();
                return token.equals("good") ? Optional.of(ALICE) : Optional.empty();
              },
              new TokenBucket(10, 20, now::get)),
          Duration.ofMinutes(2),
          now::get);
  private final AccessControl access =
      new AccessControl("vk", tokens, (user, attributes) -> AccessDecision.allow());

  private ApiError check(String token) {
    return access.check(null, Optional.of(token), HttpMethod.GET, "/pods");
  }

  @Test
  @DisplayName("10,000 random tokens: valid token still cached, reviews capped by the bucket, 429s")
  void flood() {
    assertThat(check("good")).isNull();
    int tooMany = 0;
    int unauthorized = 0;
    for (int i = 0; i < 10_000; i++) {
      if (i % 100 == 0) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(100));
      }
      ApiError error = check(UUID.randomUUID().toString());
      assertThat(error).isNotNull();
      if (error.code() == 429) {
        tooMany++;
        assertThat(error.retryAfterSeconds()).isPositive();
        assertThat(error.message()).isEqualTo("too many token reviews; retry later");
      } else {
        assertThat(error.code()).isEqualTo(401);
        unauthorized++;
      }
      if (i % 1000 == 0) {
        int before = reviews.get();
        assertThat(check("good")).isNull();
        assertThat(reviews.get())
            .as("the valid token is answered from the cache")
            .isEqualTo(before);
      }
    }
    // 10 s passed: a burst of 20 plus 10 per second.
    assertThat(reviews.get()).isLessThanOrEqualTo(1 + 20 + 100);
    assertThat(unauthorized).isEqualTo(reviews.get() - 1);
    assertThat(tooMany).isEqualTo(10_000 - unauthorized);
  }

  @Test
  @DisplayName("a token known to be invalid is answered from its own cache, without a review")
  void negativeCache() {
    check("bad");
    check("bad");
    assertThat(reviews).hasValue(1);
  }
}
