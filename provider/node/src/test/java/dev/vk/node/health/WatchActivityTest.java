package dev.vk.node.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WatchActivityTest {
  private static final Duration STALL = Duration.ofMinutes(15);
  private Instant now = Instant.parse("2026-01-01T00:00:00Z");
  private final Clock clock =
      new Clock() {
        @Override
        public Instant instant() {
          return now;
        }

        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }
      };
  private final AtomicBoolean synced = new AtomicBoolean();
  private final ApiContact api = new ApiContact(clock);
  private final WatchActivity activity = new WatchActivity(clock, STALL, synced::get, api);

  @Test
  @DisplayName("fails until the informer synced")
  void notSynced() {
    assertThat(activity.failure()).contains("pod informer has not synced");
    synced.set(true);
    assertThat(activity.failure()).isEmpty();
  }

  @Test
  @DisplayName("silence longer than the stall time while the API server answers fails")
  void stalled() {
    synced.set(true);
    api.answered();
    activity.delivered();
    advance(STALL.minusSeconds(1));
    assertThat(activity.failure()).isEmpty();
    advance(Duration.ofSeconds(2));
    assertThat(activity.failure())
        .contains("pod informer delivered nothing for 901s while the API server answers");
    activity.delivered();
    assertThat(activity.failure()).as("a bookmark or event clears it").isEmpty();
  }

  @Test
  @DisplayName("silence during an API server outage does not fail, nor right after it ends")
  void outage() {
    synced.set(true);
    activity.delivered();
    api.failed();
    advance(STALL.multipliedBy(2));
    assertThat(activity.failure()).as("API server unreachable").isEmpty();
    api.answered();
    advance(Duration.ofMinutes(1));
    assertThat(activity.failure()).as("the watch has time to come back").isEmpty();
    advance(STALL);
    assertThat(activity.failure()).as("answering for longer than the stall time").isPresent();
  }

  private void advance(Duration d) {
    now = now.plus(d);
  }
}
