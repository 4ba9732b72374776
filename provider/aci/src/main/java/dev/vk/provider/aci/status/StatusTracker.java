package dev.vk.provider.aci.status;

import com.azure.resourcemanager.containerinstance.fluent.models.ContainerGroupInner;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.DaemonThreads;
import dev.vk.provider.aci.arm.ContainerGroups;
import dev.vk.provider.aci.arm.ReadBudget;
import dev.vk.provider.aci.config.AciSettings;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The status notifier's loop. Each round lists the resource group (one ARM call per page) and GETs
 * the groups {@link RefreshPlan} picks: every new, changed or starting group, the recently started
 * ones a status interval holds at the read rate, and steady groups within the per-round share of
 * the {@link ReadBudget}. Rounds start a status interval apart, or right away after a round that
 * took longer. Steady-state calls (lists and refreshes) pace the rounds, so their rate stays within
 * budget whatever the number of pods; fetches of starting groups do not, since creations bound
 * them. Pods whose status changed are pushed to the callback, and each round's list is kept for
 * getPods ({@link PodListing}). One thread; {@link #round()} blocks on ARM.
 */
public final class StatusTracker implements AutoCloseable {

  private static final Logger logger = LoggerFactory.getLogger(StatusTracker.class);

  /** The longest a round waits for the budget before the next list looks at ARM's bucket again. */
  static final Duration MAX_PACE = Duration.ofMinutes(1);

  /** The oldest a round's list may be to answer getPods: two paced rounds. */
  static final Duration MAX_LIST_AGE = MAX_PACE.multipliedBy(2);

  private final ContainerGroups groups;

  /** GETs of starting groups in the last round: outside the steady budget. */
  private volatile long urgentFetches;

  private final GroupFilter owned;
  private final AciStatusMapper mapper;
  private final GroupCache cache;
  private final AciEvents events;
  private final AciSettings.Polling polling;
  private final LongSupplier armReads;
  private final ReadBudget budget;

  /** The steady budget the last round was planned with, which also paces the next. */
  private volatile double perMinute;

  /** How long the last round took to come round again: the interval, or longer when paced. */
  private volatile Duration roundLength;

  /** The last round's list; null until a round has listed. */
  private volatile RoundList lastList;

  private final Clock clock;
  private final Map<String, V1Pod> pushed = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(DaemonThreads.factory("aci-status"));
  private volatile Consumer<V1Pod> callback = pod -> {};

  /** Which listed groups belong to this node. */
  @FunctionalInterface
  public interface GroupFilter {
    boolean owned(ContainerGroupInner group);
  }

  /** Does not start polling; {@link #start} does. */
  public StatusTracker(
      ContainerGroups groups,
      GroupFilter owned,
      AciStatusMapper mapper,
      GroupCache cache,
      AciEvents events,
      AciSettings.Polling polling,
      LongSupplier armReads,
      ReadBudget budget,
      Clock clock) {
    this.budget = budget;
    this.perMinute = polling.callsPerMinute();
    this.roundLength = polling.statusInterval();
    this.groups = groups;
    this.owned = owned;
    this.mapper = mapper;
    this.cache = cache;
    this.events = events;
    this.polling = polling;
    this.armReads = armReads;
    this.clock = clock;
  }

  /** Starts the rounds; does not block. */
  public void start(Consumer<V1Pod> onStatusChange) {
    callback = onStatusChange;
    timer.schedule(this::loop, 0, TimeUnit.MILLISECONDS);
  }

  private void loop() {
    Instant start = clock.instant();
    long before = armReads.getAsLong();
    try {
      round();
    } catch (ProviderException e) {
      if (!timer.isShutdown()) { // a round cut short by close() is not a failure
        logger.warn("status round failed ({}): {}", e.kind(), e.getMessage());
      }
    } catch (RuntimeException e) {
      logger.error("status round failed", e);
    }
    long cost = armReads.getAsLong() - before - urgentFetches;
    // At most a minute: a burst (this node's startup reads, another client) can empty ARM's bucket
    // for seconds, and the next round's list sees it refilled.
    Duration paced =
        Duration.ofMillis((long) Math.min(cost * 60_000 / perMinute, MAX_PACE.toMillis()));
    Duration period =
        paced.compareTo(polling.statusInterval()) > 0 ? paced : polling.statusInterval();
    Duration elapsed = Duration.between(start, clock.instant());
    roundLength = elapsed.compareTo(period) > 0 ? elapsed : period;
    if (!timer.isShutdown()) {
      timer.schedule(this::loop, wait(period, elapsed).toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /**
   * How long after a round that took {@code elapsed} the next one starts, so that rounds start at
   * least {@code period} apart. Counted from the round's start, not its end: in a rollout a round's
   * GETs of the groups created since the last take as long as creating them did (ARM's reads and
   * writes go at the same client-side rate), and a wait added after them would let the rounds, and
   * so each new pod's wait to be seen running, grow for as long as the rollout lasts.
   */
  static Duration wait(Duration period, Duration elapsed) {
    Duration left = period.minus(elapsed);
    return left.isNegative() ? Duration.ZERO : left;
  }

  /** One round: list, fetch what changed or is due, push changed statuses. Blocks on ARM. */
  void round() throws ProviderException {
    long before = armReads.getAsLong();
    Instant began = clock.instant();
    // Summarised page by page: the entries themselves (thousands at thousands of pods) are not
    // kept. A pod is built only for a group the cache has no fresh status for, as getPods needs.
    List<Kept> kept =
        groups.list(
            g ->
                owned.owned(g)
                    ? Optional.of(
                        new Kept(
                            ListedGroup.of(g),
                            cache.fresh(g.name(), g).isPresent() ? null : mapper.listed(g)))
                    : Optional.empty());
    long listCost = armReads.getAsLong() - before;
    List<ListedGroup> listed = kept.stream().map(Kept::group).toList();
    lastList =
        new RoundList(
            began,
            kept.stream().map(k -> new RoundList.Entry(k.group().name(), k.unfetched())).toList());
    Set<String> names = new HashSet<>();
    listed.forEach(g -> names.add(g.name()));
    cache.retain(names);
    pushed.keySet().retainAll(names);
    perMinute = budget.perMinute();
    long share = (long) (perMinute * polling.statusInterval().toMillis() / 60_000);
    int gets = (int) Math.max(1, share - listCost);
    long capacity =
        (long) (polling.statusInterval().toMillis() * polling.requestsPerSecond() / 1000)
            - listCost;
    Instant now = clock.instant();
    RefreshPlan.Plan plan =
        RefreshPlan.choose(
            listed,
            cache,
            now,
            polling.fullRefresh(),
            polling.settle(),
            new RefreshPlan.Round(
                roundLength, gets, (int) Math.min(Integer.MAX_VALUE, Math.max(0, capacity))));
    urgentFetches = plan.urgent().size();
    for (String name : plan.all()) {
      if (timer.isShutdown()) {
        return; // closed mid-round: the remaining calls would only fail
      }
      groups.get(name).ifPresentOrElse(this::fetched, () -> cache.remove(name));
    }
  }

  /** What a round keeps of a list entry. */
  private record Kept(ListedGroup group, V1Pod unfetched) {}

  /**
   * The last round's list, if it began within two round lengths and at most {@link #MAX_LIST_AGE}
   * ago: rounds are coming as planned, so it is at most about a round older than a list of its own.
   * Empty before the first list and once rounds stall. No ARM call.
   */
  Optional<RoundList> recentList() {
    RoundList last = lastList;
    Duration twoRounds = roundLength.multipliedBy(2);
    Duration maxAge = twoRounds.compareTo(MAX_LIST_AGE) > 0 ? MAX_LIST_AGE : twoRounds;
    return Optional.ofNullable(last)
        .filter(l -> !l.began().isBefore(clock.instant().minus(maxAge)));
  }

  /** Records a GET result and pushes the pod if its status changed. */
  void fetched(ContainerGroupInner group) {
    V1Pod pod = mapper.pod(group);
    Instant now = clock.instant();
    // A change of a running group (a restart, an exit) counts; starting up does not, nor does a
    // group this instance has not read before (after a node restart it may be long steady).
    Instant changedAt =
        cache
            .get(group.name())
            .map(
                e ->
                    "Running".equals(e.pod().getStatus().getPhase())
                            && !e.pod().getStatus().equals(pod.getStatus())
                        ? now
                        : e.changedAt())
            .orElse(Instant.EPOCH);
    cache.put(group.name(), new GroupCache.Entry(pod, GroupCache.signature(group), now, changedAt));
    String key = pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
    MDC.put("pod", key);
    try {
      events.observe(group, pod);
      V1Pod previous = pushed.put(group.name(), pod);
      if (previous == null
          || !previous.getStatus().equals(pod.getStatus())
          || !previous.getMetadata().getUid().equals(pod.getMetadata().getUid())) {
        callback.accept(pod);
      }
    } finally {
      MDC.remove("pod");
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
