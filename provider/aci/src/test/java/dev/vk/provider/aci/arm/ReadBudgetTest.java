package dev.vk.provider.aci.arm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReadBudgetTest {
  private final ReadBudget budget = new ReadBudget(0.10, 300);

  @Test
  @DisplayName("before ARM has reported remaining reads the cap is the budget")
  void capWithoutHeader() {
    assertThat(budget.perMinute()).isEqualTo(300);
  }

  @Test
  @DisplayName("a full bucket (249 of 250 left) gives 10% of ARM's 1500 reads a minute")
  void fullBucket() {
    budget.observe(249);
    assertThat(budget.perMinute()).isCloseTo(149.4, within(1e-9));
  }

  @Test
  @DisplayName("other clients draining the bucket shrink the budget with it")
  void drained() {
    budget.observe(249);
    budget.observe(50);
    budget.observe(120);
    assertThat(budget.perMinute()).as("the fewest seen in the period").isCloseTo(30, within(1e-9));
    assertThat(budget.perMinute()).as("then from the latest").isCloseTo(72, within(1e-9));
  }

  @Test
  @DisplayName("the budget never exceeds the share of the bucket ARM reports")
  void neverAboveShare() {
    for (long remaining = 4; remaining <= 250; remaining++) {
      budget.observe(remaining);
      assertThat(budget.perMinute()).isLessThanOrEqualTo(0.10 * remaining * 6 + 1e-9);
    }
  }

  @Test
  @DisplayName("an empty bucket leaves the floor of 2 calls a minute, so the node sees it refill")
  void floor() {
    budget.observe(0);
    assertThat(budget.perMinute()).isEqualTo(ReadBudget.FLOOR_PER_MINUTE);
  }

  @Test
  @DisplayName("status-calls-per-minute caps a larger bucket's share")
  void cap() {
    ReadBudget capped = new ReadBudget(1.0, 30);
    capped.observe(249);
    assertThat(capped.perMinute()).isEqualTo(30);
  }
}
