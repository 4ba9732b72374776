package dev.vk.provider.aci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.provider.testkit.TestingClock;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ArmRateLimiterTest {
  private final TestingClock clock = new TestingClock();
  private final ArmRateLimiter limiter = new ArmRateLimiter(10, clock);

  @Test
  @DisplayName("requests are spaced by the rate: at 10 per second the second waits 100 ms")
  void spacing() {
    assertThat(limiter.reserve()).isZero();
    assertThat(limiter.reserve()).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  @DisplayName("a 429 pauses requests that already hold a slot until its Retry-After has passed")
  void pauseReachesWaitingRequests() {
    limiter.reserve();
    Duration slot = limiter.reserve(); // a second request now waits for its slot
    assertThat(slot).isEqualTo(Duration.ofMillis(100));
    limiter.observe(429, "2", Long.MAX_VALUE); // meanwhile another request was throttled
    clock.advance(slot);
    assertThat(limiter.remainingPause()).isEqualTo(Duration.ofMillis(1900));
    clock.advance(Duration.ofMillis(1900));
    assertThat(limiter.remainingPause()).isZero();
  }

  @Test
  @DisplayName("a request reserved after a 429 starts no earlier than its Retry-After")
  void newRequestsWait() {
    limiter.observe(429, "3", Long.MAX_VALUE);
    assertThat(limiter.reserve()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  @DisplayName("a nearly spent ARM budget slows requests down for a second")
  void lowRemaining() {
    limiter.observe(200, null, 2);
    assertThat(limiter.remainingPause()).isEqualTo(Duration.ofSeconds(1));
  }
}
