package dev.vk.emulator.aci.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.provider.testkit.TestingClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CallsTest {

  private final TestingClock clock = new TestingClock(Instant.parse("2025-01-01T00:00:00Z"));
  private final Calls calls = new Calls(clock);

  private void call(String operation, int status, long retryAfter) {
    calls.complete(calls.begin(operation, "GET", "/x"), status, status == 429, retryAfter);
  }

  @Test
  @DisplayName("counts and the timeline record every call with its status")
  void counts() {
    call("containerGroups.get", 200, 0);
    call("containerGroups.get", 404, 0);
    call("containers.listLogs", 200, 0);
    assertThat(calls.counts())
        .containsEntry("containerGroups.get", 2L)
        .containsEntry("containers.listLogs", 1L);
    assertThat(calls.timeline("containerGroups.get"))
        .extracting(Call::status)
        .containsExactly(200, 404);
  }

  @Test
  @DisplayName("a retry before the Retry-After has elapsed is reported; one after it is not")
  void retryAfterViolations() {
    call("containerGroups.get", 429, 2);
    clock.advance(Duration.ofMillis(1999));
    call("containerGroups.get", 429, 2);
    clock.advance(Duration.ofSeconds(2));
    call("containerGroups.get", 200, 0);
    call("containerGroups.list", 200, 0);
    assertThat(calls.retryAfterViolations()).extracting(Call::sequence).containsExactly(2L);
  }

  @Test
  @DisplayName(
      "the first call on a connection opened before the 429 was answered was already in flight;"
          + " one on a connection opened after it is a violation")
  void newConnectionsCountFromWhenTheyWereOpened() {
    Instant beforeThrottle = clock.instant();
    call("containerGroups.get", 429, 1);
    clock.advance(Duration.ofMillis(200));
    Instant afterThrottle = clock.instant();
    clock.advance(Duration.ofMillis(100)); // a slow TLS handshake
    long early = calls.begin("containerGroups.get", "GET", "/x", beforeThrottle);
    calls.complete(early, 200, false, 0);
    long late = calls.begin("containerGroups.get", "GET", "/x", afterThrottle);
    calls.complete(late, 200, false, 0);

    assertThat(calls.retryAfterViolations(Duration.ofMillis(50)))
        .extracting(Call::sequence)
        .containsExactly(late);
  }

  @Test
  @DisplayName("reset forgets calls, and a call in flight during the reset is not misfiled")
  void reset() {
    long inFlight = calls.begin("containerGroups.get", "GET", "/x");
    calls.reset();
    call("containerGroups.list", 200, 0);
    calls.complete(inFlight, 500, false, 0);
    assertThat(calls.timeline()).extracting(Call::status).containsExactly(200);
  }
}
