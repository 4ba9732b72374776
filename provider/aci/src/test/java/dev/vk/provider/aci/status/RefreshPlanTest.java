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
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RefreshPlanTest {
  private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
  private static final Duration FULL_REFRESH = Duration.ofMinutes(30);
  private static final Duration SETTLE = Duration.ofMinutes(1);
  private static final Duration ROUND = Duration.ofSeconds(10);

  private static ContainerGroupInner group(String name) throws Exception {
    String json =
        "{\"name\":\""
            + name
            + "\",\"properties\":{\"provisioningState\":\"Succeeded\","
            + "\"containers\":[{\"name\":\"app\",\"properties\":{\"image\":\"busybox\"}}]}}";
    try (JsonReader reader = JsonProviders.createReader(json)) {
      return ContainerGroupInner.fromJson(reader);
    }
  }

  private static V1Pod running(Instant startedAt) {
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
                                    .running(
                                        new V1ContainerStateRunning()
                                            .startedAt(
                                                OffsetDateTime.ofInstant(
                                                    startedAt, ZoneOffset.UTC)))))));
  }

  private static RefreshPlan.Round round(int budget, int capacity) {
    return new RefreshPlan.Round(ROUND, budget, capacity);
  }

  private static void cacheRunning(
      GroupCache cache, List<ListedGroup> listed, String name, Instant started, Instant fetched)
      throws Exception {
    ContainerGroupInner g = group(name);
    listed.add(ListedGroup.of(g));
    cache.put(name, new GroupCache.Entry(running(started), GroupCache.signature(g), fetched));
  }

  @Test
  @DisplayName("new and pending groups are all fetched, however small the budget and the capacity")
  void urgentIgnoresBudget() throws Exception {
    List<ListedGroup> listed = new ArrayList<>();
    GroupCache cache = new GroupCache();
    for (int i = 0; i < 50; i++) {
      listed.add(ListedGroup.of(group("new-" + i)));
    }
    ContainerGroupInner pending = group("pending");
    listed.add(ListedGroup.of(pending));
    cache.put(
        "pending",
        new GroupCache.Entry(
            new V1Pod().status(new V1PodStatus().phase("Pending")),
            GroupCache.signature(pending),
            NOW.minusSeconds(5)));
    RefreshPlan.Plan plan =
        RefreshPlan.choose(listed, cache, NOW, FULL_REFRESH, SETTLE, round(1, 0));
    assertThat(plan.urgent()).hasSize(51).contains("pending");
    assertThat(plan.due()).isEmpty();
  }

  @Test
  @DisplayName(
      "groups seen running that are due a settle read take what the round's capacity leaves,"
          + " least recently read first; the rest wait for a round with room")
  void settleReadsTakeWhatStartingGroupsLeave() throws Exception {
    List<ListedGroup> listed = new ArrayList<>();
    GroupCache cache = new GroupCache();
    for (int i = 0; i < 5; i++) {
      listed.add(ListedGroup.of(group("new-" + i)));
    }
    // Started 10 s ago and read 5, 4 or 3 s after the start: each due its next read.
    for (int i = 0; i < 6; i++) {
      cacheRunning(
          cache, listed, "settling-" + i, NOW.minusSeconds(10), NOW.minusSeconds(5 + i % 3));
    }
    cacheRunning(cache, listed, "steady", NOW.minusSeconds(3600), NOW.minusSeconds(3000));

    RefreshPlan.Plan rollout =
        RefreshPlan.choose(listed, cache, NOW, FULL_REFRESH, SETTLE, round(1, 8));
    assertThat(rollout.urgent())
        .containsExactly("new-0", "new-1", "new-2", "new-3", "new-4", "settling-2", "settling-5");
    assertThat(rollout.due()).containsExactly("steady");

    RefreshPlan.Plan quiet =
        RefreshPlan.choose(listed, cache, NOW, FULL_REFRESH, SETTLE, round(1, 100));
    assertThat(quiet.urgent()).hasSize(11);
  }

  @Test
  @DisplayName(
      "steady groups not read for the full-refresh period come first, oldest first, within the budget")
  void steadyWithinBudget() throws Exception {
    List<ListedGroup> listed = new ArrayList<>();
    GroupCache cache = new GroupCache();
    for (int i = 0; i < 10; i++) {
      ContainerGroupInner g = group("steady-" + i);
      listed.add(ListedGroup.of(g));
      Instant fetched = NOW.minus(FULL_REFRESH).minusSeconds(100 - i);
      cache.put(
          g.name(),
          new GroupCache.Entry(running(NOW.minusSeconds(3600)), GroupCache.signature(g), fetched));
    }
    ContainerGroupInner fresh = group("fresh");
    listed.add(ListedGroup.of(fresh));
    cache.put(
        "fresh",
        new GroupCache.Entry(
            running(NOW.minusSeconds(3600)), GroupCache.signature(fresh), NOW.minusSeconds(5)));
    RefreshPlan.Plan plan =
        RefreshPlan.choose(listed, cache, NOW, FULL_REFRESH, SETTLE, round(3, 100));
    assertThat(plan.urgent()).isEmpty();
    assertThat(plan.due()).containsExactly("steady-0", "steady-1", "steady-2");
  }

  private static boolean unsettled(Instant started, Instant fetched, Instant now) {
    return RefreshPlan.unsettled(
        new GroupCache.Entry(running(started), "s", fetched), now, SETTLE, ROUND);
  }

  @Test
  @DisplayName(
      "a group that started is read at doubling ages and once after settle-time, not every round")
  void startedGroupsAtDoublingAges() {
    Instant started = NOW;
    // Rounds every 10 s; the first read came 5 s after the start.
    List<Integer> reads = new ArrayList<>();
    Instant fetched = started.plusSeconds(5);
    for (int t = 15; t <= 125; t += 10) {
      Instant round = started.plusSeconds(t);
      if (unsettled(started, fetched, round)) {
        reads.add(t);
        fetched = round;
      }
    }
    assertThat(reads).containsExactly(15, 35, 65);
  }

  @Test
  @DisplayName(
      "a read a rollout left owing is still made a round after settle-time, and dropped two rounds"
          + " after it")
  void owedReadDroppedTwoRoundsAfterSettling() {
    Instant started = NOW.minus(SETTLE);
    Instant fetched = started.plusSeconds(5);
    assertThat(unsettled(started, fetched, NOW.plus(ROUND).minusSeconds(1))).isTrue();
    assertThat(unsettled(started, fetched, NOW.plus(ROUND.multipliedBy(2)).minusSeconds(1)))
        .isTrue();
    assertThat(unsettled(started, fetched, NOW.plus(ROUND.multipliedBy(2)))).isFalse();
  }

  @Test
  @DisplayName("a group that started long before its first read is steady at once")
  void longRunningIsSteady() {
    assertThat(unsettled(NOW.minus(Duration.ofHours(1)), NOW.minusSeconds(10), NOW)).isFalse();
  }

  @Test
  @DisplayName("a group still starting is read every round")
  void pendingEveryRound() {
    V1Pod pending = new V1Pod().status(new V1PodStatus().phase("Pending"));
    assertThat(RefreshPlan.unsettled(new GroupCache.Entry(pending, "s", NOW), NOW, SETTLE, ROUND))
        .isTrue();
  }
}
