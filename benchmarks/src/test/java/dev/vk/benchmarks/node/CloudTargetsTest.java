package dev.vk.benchmarks.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.provider.fargate.config.FargateSettings;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CloudTargetsTest {
  private static final CloudTargets.Target FARGATE_75 = CloudTargets.steadyCap("fargate", 75);
  private static final CloudTargets.Target FARGATE_60 = CloudTargets.steadyCap("fargate", 60);

  private static CloudTargets.Seen steady(int pods, double perMinute) {
    return new CloudTargets.Seen(pods, perMinute, Double.NaN, Double.NaN, 10);
  }

  @Test
  void aTimeMissedByTheCreateRateSaysSoAndWhatTheRateDoesNotExplain() {
    CloudTargets.Target running = CloudTargets.vsMock(1.0, true);
    // 1000 pods at 10 a second: about 100 s (ACI may send a second of them at once).
    assertThat(running.check(new CloudTargets.Seen(1000, 105, 50, Double.NaN, 10)))
        .isEqualTo("missed by 2.10x (the rate of 10 a second makes it about 100 s)");
    assertThat(running.check(new CloudTargets.Seen(1000, 128, 50, Double.NaN, 10)))
        .isEqualTo(
            "missed by 2.56x (the rate of 10 a second makes it about 100 s; 28 s more: see the"
                + " text below the tables)");
    assertThat(running.check(new CloudTargets.Seen(1000, 60, 50, Double.NaN, 10)))
        .isEqualTo("missed by 1.20x");
  }

  @Test
  void aWindowOfThreeListingsIsHeldToThreeListingsPagesAndItsChecks() {
    // 5000 tasks: 50 pages a listing; 3 listings, 2 cluster checks, 1 ListTaskDefinitions in 75 s.
    assertThat(FARGATE_75.text(5000)).isEqualTo("<= 122 (provider default, 75 s window)");
    assertThat(FARGATE_75.check(steady(5000, 151 / 1.25))).isEqualTo("met");
    assertThat(FARGATE_75.check(steady(5000, 200 / 1.25))).isEqualTo("missed by 37.6 a minute");
  }

  @Test
  void aShorterWindowIsHeldToTheListingsThatFitInIt() {
    // A 60 s window starts up to three 25 s listings: the run that counted 151 calls held three.
    assertThat(FARGATE_60.check(steady(5000, 151))).isEqualTo("met");
    assertThat(FARGATE_60.check(steady(5000, 200))).isEqualTo("missed by 48 a minute");
  }

  @Test
  void theCapAndTheStopReasonFollowTheProvidersDefaultIntervals() {
    Map<String, String> minimal = Map.of("region", "eu-west-1", "subnets", "subnet-1");
    FargateSettings defaults = FargateSettings.from(n -> Optional.ofNullable(minimal.get(n)));

    assertThat(defaults.statusInterval().toSeconds())
        .isEqualTo((long) CloudTargets.FARGATE_LISTING_SECONDS);
    assertThat(defaults.transitionInterval().toSeconds())
        .isEqualTo((long) MissReasons.FARGATE_TRANSITION_SECONDS);
  }

  @Test
  void aciIsHeldToItsCallBudget() {
    CloudTargets.Target aci = CloudTargets.steadyCap("aci", 60);
    assertThat(aci.text(5000)).isEqualTo("<= 300 (provider default, 60 s window)");
    assertThat(aci.check(steady(5000, 301))).isEqualTo("missed by 1 a minute");
  }
}
