package dev.vk.provider.aci.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StatusTrackerTest {
  private static final Duration INTERVAL = Duration.ofSeconds(10);

  @Test
  @DisplayName("a round shorter than the interval waits out the rest of it")
  void shortRoundWaitsTheRest() {
    assertThat(StatusTracker.wait(INTERVAL, Duration.ofSeconds(3)))
        .isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  @DisplayName(
      "a round that took longer than the interval (a rollout's GETs) is followed at once, not an"
          + " interval later")
  void longRoundIsFollowedAtOnce() {
    assertThat(StatusTracker.wait(INTERVAL, Duration.ofSeconds(14))).isZero();
    assertThat(StatusTracker.wait(INTERVAL, INTERVAL)).isZero();
  }
}
