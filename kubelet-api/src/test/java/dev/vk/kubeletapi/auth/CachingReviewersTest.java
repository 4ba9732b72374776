package dev.vk.kubeletapi.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vk.kubeletapi.spi.AccessAttributes;
import dev.vk.kubeletapi.spi.AccessDecision;
import dev.vk.kubeletapi.spi.KubeletApiException;
import dev.vk.kubeletapi.spi.UserInfo;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CachingReviewersTest {
  private final AtomicLong now = new AtomicLong(1_000);
  private final AtomicInteger calls = new AtomicInteger();
  private static final UserInfo ALICE = UserInfo.of("alice", List.of("dev"));
  private static final AccessAttributes LOGS =
      new AccessAttributes("get", "vk", "proxy", "/containerLogs/a/b/c");
  private static final AccessAttributes STATS =
      new AccessAttributes("get", "vk", "stats", "/stats/summary");

  private void advance(Duration d) {
    now.addAndGet(d.toNanos());
  }

  @Test
  @DisplayName("allowed decisions are cached 5 minutes, denied ones 30 seconds")
  void accessTtls() throws Exception {
    CachingAccessReviewer reviewer =
        new CachingAccessReviewer(
            (user, attributes) -> {
              calls.incrementAndGet();
              return attributes.subresource().equals("proxy")
                  ? AccessDecision.allow()
                  : AccessDecision.deny("no");
            },
            Duration.ofMinutes(5),
            Duration.ofSeconds(30),
            now::get);
    reviewer.review(ALICE, LOGS);
    reviewer.review(ALICE, STATS);
    reviewer.review(ALICE, LOGS);
    reviewer.review(ALICE, STATS);
    assertThat(calls).hasValue(2);
    advance(Duration.ofSeconds(31));
    reviewer.review(ALICE, LOGS);
    reviewer.review(ALICE, STATS);
    assertThat(calls).hasValue(3);
    advance(Duration.ofMinutes(5));
    reviewer.review(ALICE, LOGS);
    assertThat(calls).hasValue(4);
  }

  @Test
  @DisplayName("decisions are per user; the informational path does not split the cache")
  void accessKey() throws Exception {
    CachingAccessReviewer reviewer =
        new CachingAccessReviewer(
            (user, attributes) -> {
              calls.incrementAndGet();
              return AccessDecision.allow();
            },
            Duration.ofMinutes(5),
            Duration.ofSeconds(30),
            now::get);
    reviewer.review(ALICE, LOGS);
    reviewer.review(ALICE, new AccessAttributes("get", "vk", "proxy", "/exec/x/y/z"));
    reviewer.review(UserInfo.of("bob", List.of()), LOGS);
    assertThat(calls).hasValue(2);
  }

  @Test
  @DisplayName("failed reviews are not cached")
  void failuresNotCached() {
    CachingAccessReviewer reviewer =
        new CachingAccessReviewer(
            (user, attributes) -> {
              calls.incrementAndGet();
              throw new KubeletApiException(KubeletApiException.Kind.UNAVAILABLE, "apiserver down");
            },
            Duration.ofMinutes(5),
            Duration.ofSeconds(30),
            now::get);
    assertThatThrownBy(() -> reviewer.review(ALICE, LOGS)).isInstanceOf(KubeletApiException.class);
    assertThatThrownBy(() -> reviewer.review(ALICE, LOGS)).isInstanceOf(KubeletApiException.class);
    assertThat(calls).hasValue(2);
  }

  @Test
  @DisplayName("token reviews, valid or not, are cached for the TTL")
  void tokens() throws Exception {
    CachingTokenReviewer reviewer =
        new CachingTokenReviewer(
            token -> {
              calls.incrementAndGet();
              return token.equals("good") ? Optional.of(ALICE) : Optional.empty();
            },
            Duration.ofMinutes(2),
            now::get);
    assertThat(reviewer.review("good")).contains(ALICE);
    assertThat(reviewer.review("bad")).isEmpty();
    assertThat(reviewer.review("good")).contains(ALICE);
    assertThat(reviewer.review("bad")).isEmpty();
    assertThat(calls).hasValue(2);
    advance(Duration.ofMinutes(2));
    reviewer.review("good");
    assertThat(calls).hasValue(3);
  }

  @Test
  @DisplayName("the cache stays bounded under a burst of distinct keys")
  void bounded() {
    TtlCache<Integer, String> cache = new TtlCache<>(10, now::get);
    for (int i = 0; i < 100; i++) {
      cache.put(i, "v", Duration.ofMinutes(1));
    }
    int live = 0;
    for (int i = 0; i < 100; i++) {
      live += cache.get(i) == null ? 0 : 1;
    }
    assertThat(live).isBetween(1, 10);
  }
}
