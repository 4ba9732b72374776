package dev.vk.emulator.ecs.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FaultsTest {
  private final Faults faults = new Faults(42, null);

  @Test
  @DisplayName("a percentage throttles about that share of calls, repeatably for a seed")
  void percentage() {
    faults.throttlePercent("DescribeTasks", 20);

    long throttled =
        IntStream.range(0, 1000)
            .filter(i -> faults.decide("DescribeTasks").error() != null)
            .count();

    assertThat(throttled).isBetween(150L, 250L);
    assertThat(faults.decide("ListTasks").error()).isNull();
  }

  @Test
  @DisplayName("'*' rules and latency apply to every operation until cleared")
  void wildcardAndLatency() {
    faults.addLatency(Faults.ANY, Duration.ofMillis(50));
    faults.serverErrorNext(Faults.ANY, 1);

    Faults.Decision decision = faults.decide("RunTask");

    assertThat(decision.latency()).isEqualTo(Duration.ofMillis(50));
    assertThat(decision.error().status()).isEqualTo(500);
    assertThat(faults.decide("RunTask").error()).isNull();
    faults.clear();
    assertThat(faults.decide("RunTask").latency()).isZero();
  }
}
