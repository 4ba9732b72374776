package dev.vk.benchmarks.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudCallsTest {
  private static final Instant T0 = Instant.parse("2026-12-04T18:00:00Z");

  private static CloudCalls.Call at(int second, String op) {
    return new CloudCalls.Call(T0.plusSeconds(second), op);
  }

  private final List<CloudCalls.Call> calls =
      List.of(
          at(0, "RunTask"),
          at(5, "DescribeTasks"),
          at(10, "ListTasks"),
          at(40, "ListTasks"),
          at(69, "ListTasks"),
          at(70, "StopTask"));

  @Test
  void countsOnlyCallsInsideTheWindowIncludingItsStart() {
    assertThat(CloudCalls.count(calls, T0.plusSeconds(10), T0.plusSeconds(70)))
        .containsExactlyEntriesOf(Map.of("ListTasks", 3));
  }

  @Test
  void ratesArePerMinuteOfTheWindow() {
    assertThat(CloudCalls.perMinute(calls, T0, T0.plusSeconds(30)))
        .containsEntry("RunTask", 2.0)
        .containsEntry("DescribeTasks", 2.0)
        .containsEntry("ListTasks", 2.0)
        .hasSize(3);
  }

  @Test
  void anEmptyWindowHasNoRate() {
    assertThatThrownBy(() -> CloudCalls.perMinute(calls, T0, T0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void totalSumsCountsAndRatesAndIsZeroWithoutACloud() {
    assertThat(CloudCalls.total(Map.of("a", 2, "b", 3))).isEqualTo(5);
    assertThat(CloudCalls.total(Map.of("a", 1.5))).isEqualTo(1.5);
    assertThat(CloudCalls.total(null)).isZero();
  }

  @Test
  void aRoundStartsWithACallThatFollowsAGap() {
    List<CloudCalls.Call> pages =
        List.of(
            at(0, "ListTasks"),
            at(1, "ListTasks"),
            at(25, "ListTasks"),
            at(26, "DescribeClusters"),
            at(26, "ListTasks"),
            at(50, "ListTasks"));

    // After 0.5 s: the page at 1 s is part of the round begun at 0; the next round begins at 25.
    assertThat(CloudCalls.roundStart(pages, "ListTasks", T0.plusMillis(500), Duration.ofSeconds(5)))
        .contains(T0.plusSeconds(25));
    assertThat(CloudCalls.roundStart(pages, "ListTasks", T0.plusSeconds(25), Duration.ofSeconds(5)))
        .contains(T0.plusSeconds(50));
    assertThat(CloudCalls.roundStart(pages, "ListTasks", T0.plusSeconds(50), Duration.ofSeconds(5)))
        .isEmpty();
  }
}
