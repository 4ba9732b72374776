package dev.vk.provider.aci.arm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.provider.RateLimitListener;
import dev.vk.provider.testkit.TestingClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

  @Test
  @DisplayName("each 429 is reported to the node's metrics as a throttled ARM request")
  void throttledReported() {
    List<String> heard = new ArrayList<>();
    ArmRateLimiter reporting =
        new ArmRateLimiter(
            10,
            clock,
            new RateLimitListener() {
              @Override
              public void waited(String limiter, Duration wait) {}

              @Override
              public void throttled(String limiter) {
                heard.add(limiter);
              }
            });
    reporting.observe(200, null, Long.MAX_VALUE);
    reporting.observe(429, "1", Long.MAX_VALUE);
    reporting.observe(429, "1", Long.MAX_VALUE);
    assertThat(heard).containsExactly("arm", "arm");
  }
}
