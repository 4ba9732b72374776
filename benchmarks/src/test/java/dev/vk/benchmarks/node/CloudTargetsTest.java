package dev.vk.benchmarks.node;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CloudTargetsTest {
  private static final CloudTargets.Target FARGATE = CloudTargets.steadyCap("fargate");

  private static CloudTargets.Seen steady(int pods, double perMinute) {
    return new CloudTargets.Seen(pods, perMinute, Double.NaN, Double.NaN, 10);
  }

  @Test
  void fargateCapAveragesTheListingsOfAMinute() {
    assertThat(FARGATE.text(5000)).isEqualTo("<= 120 (provider default)");
    assertThat(FARGATE.check(steady(5000, 101))).isEqualTo("met");
  }

  @Test
  void aWindowWithThreeListingsSaysSo() {
    assertThat(FARGATE.check(steady(5000, 151)))
        .startsWith("missed by 30.")
        .contains("this one held 3 where the model averages 2.4");
  }

  @Test
  void moreThanThreeListingsIsAPlainMiss() {
    assertThat(FARGATE.check(steady(5000, 200))).isEqualTo("missed by 79.8 a minute");
  }
}
