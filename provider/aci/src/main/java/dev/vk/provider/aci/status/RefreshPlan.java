package dev.vk.provider.aci.status;

import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Decides which listed groups deserve a GET this round. Starting ones are always fetched: groups
 * never fetched or whose list entry changed, and groups still provisioning, pending or waiting;
 * their number is bounded by how fast pods are created, not by how many run. Groups that started
 * recently (where exits and restarts happen; read at doubling ages, {@link #unsettled}) come next,
 * as many as the round's read rate leaves: in a rollout that takes every read, seeing new pods run
 * comes before re-reading those already seen running, which wait for a later round. Steady groups
 * share the round's budget: first any not read for the full-refresh period, then {@link
 * StatusPriority#first priority} groups (an exit would be final, a liveness probe, a recent change)
 * as many as reads each every {@link #PRIORITY_CYCLE} (at most three quarters of the budget), then
 * the rest; each kind least recently read first, so each is read round-robin and its wait is
 * bounded ({@link #worstRounds}). Pure.
 */
final class RefreshPlan {

  /** How often each priority group is read when the budget allows. */
  static final Duration PRIORITY_CYCLE = Duration.ofSeconds(30);

  private RefreshPlan() {}

  /**
   * What a round may read.
   *
   * @param length how long the round lasts, start to start
   * @param budget the steady GETs the read budget allows this round
   * @param capacity the GETs a status interval holds at the client-side read rate, after the list
   */
  record Round(Duration length, int budget, int capacity) {}

  /**
   * The groups to fetch: the urgent ones (every starting group, and the settling ones the round's
   * capacity leaves room for), and the steady ones the budget allows.
   */
  record Plan(List<String> urgent, List<String> due) {
    List<String> all() {
      List<String> all = new ArrayList<>(urgent);
      all.addAll(due);
      return all;
    }
  }

  private record Steady(String name, Instant fetchedAt) {}

  static Plan choose(
      List<ListedGroup> listed,
      GroupCache cache,
      Instant now,
      Duration fullRefresh,
      Duration settle,
      Round round) {
    List<String> urgent = new ArrayList<>();
    List<Steady> settling = new ArrayList<>();
    List<Steady> overdue = new ArrayList<>();
    List<Steady> first = new ArrayList<>();
    List<Steady> rest = new ArrayList<>();
    for (ListedGroup group : listed) {
      String name = group.name();
      Optional<GroupCache.Entry> entry = cache.get(name);
      if (entry.isEmpty()
          || !entry.get().signature().equals(group.signature())
          || starting(entry.get())) {
        urgent.add(name);
        continue;
      }
      Steady steady = new Steady(name, entry.get().fetchedAt());
      if (unsettled(entry.get(), now, settle, round.length())) {
        settling.add(steady);
      } else if (entry.get().fetchedAt().plus(fullRefresh).isBefore(now)) {
        overdue.add(steady);
      } else if (StatusPriority.first(group, entry.get(), now)) {
        first.add(steady);
      } else {
        rest.add(steady);
      }
    }
    int left = Math.max(0, round.budget());
    List<String> due = new ArrayList<>(take(overdue, left));
    left -= due.size();
    int[] split = split(first.size(), rest.size(), left, round.length());
    due.addAll(take(first, split[0]));
    due.addAll(take(rest, split[1]));
    urgent.addAll(take(settling, round.capacity() - urgent.size() - due.size()));
    return new Plan(urgent, due);
  }

  /**
   * How a round's {@code budget} of steady GETs is split between {@code first} priority and {@code
   * rest} other groups: priority groups get what reads each of them every {@link #PRIORITY_CYCLE}
   * at rounds of {@code round}, but at most what leaves the rest a quarter (at least one GET); the
   * rest get the remainder, and what either cannot use goes to the other.
   *
   * @return {@code [priority, rest]} GETs this round
   */
  static int[] split(int first, int rest, int budget, Duration round) {
    int restReserve = rest == 0 ? 0 : Math.min(rest, Math.max(1, budget / 4));
    long perCycle =
        (first * Math.max(1, round.toMillis()) + PRIORITY_CYCLE.toMillis() - 1)
            / PRIORITY_CYCLE.toMillis();
    int firstQuota = (int) Math.min(first, Math.min(perCycle, Math.max(0, budget - restReserve)));
    int restTaken = Math.min(rest, budget - firstQuota);
    int firstTaken = Math.min(first, budget - restTaken);
    return new int[] {firstTaken, restTaken};
  }

  /**
   * The most rounds a steady group waits between two GETs, from the counts and the round's budget
   * ({@link #split}), when no group is overdue: each kind is read round-robin.
   *
   * @return {@code [priority, rest]} rounds
   */
  static int[] worstRounds(int first, int rest, int budget, Duration round) {
    int[] split = split(first, rest, budget, round);
    return new int[] {ceilDiv(first, split[0]), ceilDiv(rest, split[1])};
  }

  /** Up to {@code n} of {@code groups}, least recently read first. */
  private static List<String> take(List<Steady> groups, int n) {
    return groups.stream()
        .sorted(Comparator.comparing(Steady::fetchedAt))
        .limit(Math.max(0, n))
        .map(Steady::name)
        .toList();
  }

  private static int ceilDiv(int n, int perRound) {
    if (n == 0) {
      return 0;
    }
    return perRound <= 0 ? Integer.MAX_VALUE : (n + perRound - 1) / perRound;
  }

  /** Provisioning, pending or a container not running: read every round until it runs. */
  static boolean starting(GroupCache.Entry entry) {
    V1PodStatus status = entry.pod().getStatus();
    String phase = status.getPhase();
    if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
      return false;
    }
    return !"Running".equals(phase)
        || status.getContainerStatuses().stream().anyMatch(s -> s.getState().getRunning() == null);
  }

  /**
   * Not yet in a steady state, so read outside the budget: {@link #starting} (every round), or
   * started less than {@code settle} ago. A group that started is read when the wait since its last
   * read is at least its age at that read, and once more when {@code settle} has passed: at 10 s
   * rounds and a 1 min settle, about 5, 15, 35 and 65 s after the start, three reads after the
   * first where one every round took five. An early crash is still seen within about twice its age
   * (a crash is likeliest right after the start), and a rollout's reads leave more of the read rate
   * to the groups still starting. A read still owed two {@code round}s after {@code settle} has
   * passed (a rollout took the rounds' reads; one round could be missed by a round starting a
   * little late) is dropped: the group is steady, and read as steady groups are, so a rollout's
   * owed reads end two rounds after its last group settled instead of crowding the rounds after it.
   */
  static boolean unsettled(GroupCache.Entry entry, Instant now, Duration settle, Duration round) {
    V1PodStatus status = entry.pod().getStatus();
    String phase = status.getPhase();
    if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
      return false;
    }
    if (starting(entry)) {
      return true;
    }
    Instant started = Instant.EPOCH;
    for (V1ContainerStatus s : status.getContainerStatuses()) {
      var at = s.getState().getRunning().getStartedAt();
      if (at != null && at.toInstant().isAfter(started)) {
        started = at.toInstant();
      }
    }
    Instant settled = started.plus(settle);
    Instant fetched = entry.fetchedAt();
    if (!settled.isAfter(now)) {
      // The read that confirms it settled, unless a rollout's rounds had no room for it.
      return fetched.isBefore(settled) && now.isBefore(settled.plus(round.multipliedBy(2)));
    }
    Duration ageAtRead = Duration.between(started, fetched);
    return !Duration.between(fetched, now).minus(ageAtRead).isNegative();
  }
}
