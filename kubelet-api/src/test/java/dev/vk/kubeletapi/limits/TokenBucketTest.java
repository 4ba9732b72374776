package dev.vk.kubeletapi.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
  @Test
  @DisplayName("a burst, then the sustained rate, and how long to wait")
  void rate() {
    AtomicLong now = new AtomicLong();
    TokenBucket bucket = new TokenBucket(2, 3, now::get);
    for (int i = 0; i < 3; i++) {
      assertThat(bucket.tryAcquire()).isTrue();
    }
    assertThat(bucket.tryAcquire()).isFalse();
    assertThat(bucket.secondsUntilNext()).isEqualTo(1);
    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));
    assertThat(bucket.tryAcquire()).isTrue();
    assertThat(bucket.tryAcquire()).isFalse();
    now.addAndGet(TimeUnit.SECONDS.toNanos(60));
    int granted = 0;
    while (bucket.tryAcquire()) {
      granted++;
    }
    assertThat(granted).as("never more than the burst").isEqualTo(3);
  }

  @Test
  @DisplayName("a slow rate asks for a longer wait")
  void slowRate() {
    TokenBucket bucket = new TokenBucket(0.1, 1, () -> 0L);
    assertThat(bucket.tryAcquire()).isTrue();
    assertThat(bucket.secondsUntilNext()).isEqualTo(10);
  }
}
