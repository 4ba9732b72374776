package dev.vk.emulator.aci.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.emulator.aci.server.SubscriptionBudget.Kind;
import dev.vk.provider.testkit.TestingClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SubscriptionBudgetTest {
  private final TestingClock clock = new TestingClock(Instant.parse("2025-01-01T00:00:00Z"));
  private final SubscriptionBudget budget = new SubscriptionBudget(clock);

  @Test
  @DisplayName("a read reports ARM's read bucket after taking its token: 249 of 250")
  void firstRead() {
    assertThat(budget.consume("GET", false))
        .isEqualTo(java.util.Map.entry("x-ms-ratelimit-remaining-subscription-reads", "249"));
    assertThat(budget.consume("PUT", false).getValue()).isEqualTo("199");
    assertThat(budget.consume("DELETE", false).getKey())
        .isEqualTo("x-ms-ratelimit-remaining-subscription-deletes");
  }

  @Test
  @DisplayName("the bucket refills at 25 reads a second, never above its size")
  void refill() {
    for (int i = 0; i < 100; i++) {
      budget.consume("GET", false);
    }
    assertThat(budget.remaining(Kind.READS)).isEqualTo(150);
    clock.advance(Duration.ofSeconds(2));
    assertThat(budget.remaining(Kind.READS)).isEqualTo(200);
    clock.advance(Duration.ofMinutes(1));
    assertThat(budget.remaining(Kind.READS)).isEqualTo(250);
  }

  @Test
  @DisplayName("an empty bucket reports 0 and counts the requests ARM would have throttled")
  void exhausted() {
    budget.configure(Kind.READS, 3, 1);
    budget.consume("GET", false);
    budget.consume("GET", false);
    budget.consume("GET", false);
    assertThat(budget.consume("GET", false).getValue()).isEqualTo("0");
    assertThat(budget.exhausted(Kind.READS)).isEqualTo(1);
    assertThat(budget.lowest(Kind.READS)).isZero();
    assertThat(budget.taken(Kind.READS)).isEqualTo(4);
  }

  @Test
  @DisplayName("tests set the remaining budget, as if other clients had spent the rest")
  void setRemaining() {
    budget.setRemaining(Kind.READS, 10);
    assertThat(budget.consume("GET", false).getValue()).isEqualTo("9");
    budget.resetStats();
    assertThat(budget.lowest(Kind.READS)).isEqualTo(9);
    assertThat(budget.exhausted(Kind.READS)).isZero();
  }
}
