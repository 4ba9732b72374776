package dev.vk.emulator.aci.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.emulator.aci.model.ContainerGroupStore;
import dev.vk.provider.testkit.TestingClock;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FaultsTest {

  private final Faults faults =
      new Faults(new ContainerGroupStore(), new TestingClock(Instant.EPOCH), "sub", 7);

  @Test
  @DisplayName("a rule for the next N calls fails exactly N matching calls, then disappears")
  void countedRule() {
    faults.inject(FaultRule.error("containerGroups.get", 503).forNextCalls(2));
    assertThat(faults.decide("containerGroups.list").failure()).isNull();
    assertThat(faults.decide("containerGroups.get").failure().status()).isEqualTo(503);
    assertThat(faults.decide("containerGroups.get").failure().status()).isEqualTo(503);
    assertThat(faults.decide("containerGroups.get").failure()).isNull();
    assertThat(faults.active()).isEmpty();
  }

  @Test
  @DisplayName("'*' matches every ARM operation but not the token endpoint")
  void wildcard() {
    faults.inject(FaultRule.throttle(FaultRule.ANY, Duration.ofSeconds(3)));
    assertThat(faults.decide("containers.listLogs").failure().retryAfter())
        .isEqualTo(Duration.ofSeconds(3));
    assertThat(faults.decide("aad.token").failure()).isNull();
  }

  @Test
  @DisplayName("latency rules add up and let the call proceed")
  void latency() {
    faults.inject(FaultRule.latency("containerGroups.get", Duration.ofMillis(100)));
    faults.inject(FaultRule.latency(FaultRule.ANY, Duration.ofMillis(50)));
    FaultDecision decision = faults.decide("containerGroups.get");
    assertThat(decision.latency()).isEqualTo(Duration.ofMillis(150));
    assertThat(decision.failure()).isNull();
  }

  @Test
  @DisplayName("a percentage rule fails roughly that share of calls")
  void percentage() {
    faults.inject(FaultRule.error(FaultRule.ANY, 500).forPercentOfCalls(30));
    long failed =
        IntStream.range(0, 1000)
            .filter(i -> faults.decide("containerGroups.get").failure() != null)
            .count();
    assertThat(failed).isBetween(240L, 360L);
  }
}
