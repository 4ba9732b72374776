package dev.vk.provider.aci.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.json.JsonProviders;
import com.azure.json.JsonReader;
import com.azure.resourcemanager.containerinstance.fluent.models.ContainerGroupInner;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateRunning;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RefreshPriorityTest {
  private static final Instant START = Instant.parse("2026-01-01T12:00:00Z");
  private static final Duration FULL_REFRESH = Duration.ofHours(24);
  private static final Duration SETTLE = Duration.ofMinutes(1);
  private static final Duration ROUND = Duration.ofSeconds(10);

  private final List<ListedGroup> listed = new ArrayList<>();
  private final GroupCache cache = new GroupCache();

  private static ContainerGroupInner group(String name, String restartPolicy, boolean liveness)
      throws Exception {
    String probe =
        liveness
            ? ",\"livenessProbe\":{\"exec\":{\"command\":[\"true\"]},\"periodSeconds\":10}"
            : "";
    String json =
        "{\"name\":\""
            + name
            + "\",\"properties\":{\"provisioningState\":\"Succeeded\",\"restartPolicy\":\""
            + restartPolicy
            + "\",\"containers\":[{\"name\":\"app\",\"properties\":{\"image\":\"busybox\""
            + probe
            + "}}]}}";
    try (JsonReader reader = JsonProviders.createReader(json)) {
      return ContainerGroupInner.fromJson(reader);
    }
  }

  private static V1Pod running() {
    OffsetDateTime started = OffsetDateTime.ofInstant(START.minusSeconds(7200), ZoneOffset.UTC);
    return new V1Pod()
        .status(
            new V1PodStatus()
                .phase("Running")
                .containerStatuses(
                    List.of(
                        new V1ContainerStatus()
                            .name("app")
                            .state(
                                new V1ContainerState()
                                    .running(new V1ContainerStateRunning().startedAt(started))))));
  }

  /** A steady group read {@code ago} before START whose status last changed an hour before. */
  private void steady(ContainerGroupInner g, Duration ago) {
    listed.add(ListedGroup.of(g));
    Instant fetched = START.minus(ago);
    cache.put(
        g.name(),
        new GroupCache.Entry(
            running(), GroupCache.signature(g), fetched, START.minus(Duration.ofHours(1))));
  }

  /** The plan for the groups listed so far, with the read rate leaving room for every read. */
  private RefreshPlan.Plan plan(Instant now, Duration round, int budget) {
    return RefreshPlan.choose(
        listed,
        cache,
        now,
        FULL_REFRESH,
        SETTLE,
        new RefreshPlan.Round(round, budget, Integer.MAX_VALUE));
  }

  @Test
  @DisplayName(
      "Never, OnFailure and liveness-probed groups come first, but leave the rest a quarter of the budget")
  void priorityFirst() throws Exception {
    for (int i = 0; i < 8; i++) {
      steady(group("always-" + i, "Always", false), Duration.ofMinutes(30 + i));
    }
    for (int i = 0; i < 4; i++) {
      steady(group("never-" + i, "Never", false), Duration.ofMinutes(1 + i));
    }
    steady(group("onfailure-0", "OnFailure", false), Duration.ofMinutes(5));
    steady(group("onfailure-1", "OnFailure", false), Duration.ofMinutes(6));
    steady(group("probed-0", "Always", true), Duration.ofMinutes(7));
    steady(group("probed-1", "Always", true), Duration.ofMinutes(8));

    // 8 priority groups at 10 s rounds need 3 GETs a round to be read every 30 s; a long round
    // needs more than the budget leaves them.
    RefreshPlan.Plan plan = plan(START, Duration.ofMinutes(1), 8);

    assertThat(plan.urgent()).isEmpty();
    assertThat(plan.due())
        .as("6 priority groups, least recently read first, then the 2 oldest others")
        .containsExactly(
            "probed-1",
            "probed-0",
            "onfailure-1",
            "onfailure-0",
            "never-3",
            "never-2",
            "always-7",
            "always-6");
  }

  @Test
  @DisplayName("a group whose status changed minutes ago is read before older steady ones")
  void recentlyChangedFirst() throws Exception {
    steady(group("old", "Always", false), Duration.ofMinutes(20));
    steady(group("older", "Always", false), Duration.ofMinutes(25));
    ContainerGroupInner changed = group("changed", "Always", false);
    listed.add(ListedGroup.of(changed));
    cache.put(
        "changed",
        new GroupCache.Entry(
            running(),
            GroupCache.signature(changed),
            START.minusSeconds(30),
            START.minusSeconds(90)));

    RefreshPlan.Plan plan = plan(START, ROUND, 2);

    assertThat(plan.due()).containsExactly("changed", "older");
  }

  @Test
  @DisplayName(
      "priority groups get what reads each every 30 s, the rest the remainder: 30 of 300 at 21 GETs")
  void split() {
    assertThat(RefreshPlan.split(30, 270, 21, ROUND)).containsExactly(10, 11);
    assertThat(RefreshPlan.worstRounds(30, 270, 21, ROUND)).containsExactly(3, 25);
    assertThat(RefreshPlan.split(100, 900, 14, ROUND))
        .as("capped at three quarters")
        .containsExactly(11, 3);
    assertThat(RefreshPlan.split(0, 300, 21, ROUND)).containsExactly(0, 21);
    assertThat(RefreshPlan.split(5, 3, 21, ROUND))
        .as("leftovers go to the other kind")
        .containsExactly(5, 3);
  }

  @Test
  @DisplayName("no group waits longer than the computed bound, with and without priority groups")
  void boundHolds() throws Exception {
    simulate(30, 270, 21);
    simulate(0, 300, 21);
    simulate(300, 0, 21);
    simulate(100, 900, 14);
    simulate(10, 90, 23);
  }

  private void simulate(int first, int rest, int budget) throws Exception {
    listed.clear();
    cache.retain(java.util.Set.of());
    int[] bound = RefreshPlan.worstRounds(first, rest, budget, ROUND);
    Map<String, Integer> lastRead = new HashMap<>();
    for (int i = 0; i < first; i++) {
      ContainerGroupInner g = group("never-" + i, "Never", false);
      steady(g, Duration.ofSeconds(i));
      lastRead.put(g.name(), 0);
    }
    for (int i = 0; i < rest; i++) {
      ContainerGroupInner g = group("always-" + i, "Always", false);
      steady(g, Duration.ofSeconds(i));
      lastRead.put(g.name(), 0);
    }
    Map<String, Integer> worst = new HashMap<>();
    int rounds = 3 * Math.max(bound[0], bound[1]);
    for (int round = 1; round <= rounds; round++) {
      Instant now = START.plus(ROUND.multipliedBy(round));
      RefreshPlan.Plan plan = plan(now, ROUND, budget);
      assertThat(plan.due()).hasSizeLessThanOrEqualTo(budget);
      for (String name : plan.due()) {
        worst.merge(name, round - lastRead.get(name), Math::max);
        lastRead.put(name, round);
        var e = cache.get(name).orElseThrow();
        cache.put(name, new GroupCache.Entry(e.pod(), e.signature(), now, e.changedAt()));
      }
    }
    for (var e : lastRead.entrySet()) {
      int limit = e.getKey().startsWith("never") ? bound[0] : bound[1];
      assertThat(worst.getOrDefault(e.getKey(), Integer.MAX_VALUE))
          .as("rounds between reads of %s (bound %d)", e.getKey(), limit)
          .isLessThanOrEqualTo(limit);
    }
  }
}
