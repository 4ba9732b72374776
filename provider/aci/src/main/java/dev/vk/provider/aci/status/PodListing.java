package dev.vk.provider.aci.status;

import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * getPods without a list of its own: the status rounds list the resource group every round anyway,
 * and the node's reconcile listing it again cost as many reads (at 5000 pods 50 pages every 30 s,
 * half the steady reads). The answer is the last round's list ({@link StatusTracker#recentList}),
 * each group with the latest status the cache has, plus the groups this instance created after that
 * list began, which it may not show. Thread-safe; no ARM call.
 */
public final class PodListing {

  /** How long a create is remembered when no round has listed since. */
  static final Duration KEEP_CREATED = StatusTracker.MAX_LIST_AGE;

  private final Supplier<Optional<RoundList>> lists;
  private final GroupCache cache;
  private final Clock clock;
  private final Map<String, Created> created = new ConcurrentHashMap<>();

  private record Created(V1Pod pod, Instant at) {}

  /**
   * @param lists the last round's list while it is recent ({@link StatusTracker#recentList})
   */
  PodListing(Supplier<Optional<RoundList>> lists, GroupCache cache, Clock clock) {
    this.lists = lists;
    this.cache = cache;
    this.clock = clock;
  }

  /** Answers from {@code tracker}'s rounds. */
  public PodListing(StatusTracker tracker, GroupCache cache, Clock clock) {
    this(tracker::recentList, cache, clock);
  }

  /**
   * ARM answered this instance's PUT of group {@code name}, built from the pod: {@code listed} is
   * that group as a list would show it (no status). Call after the PUT's response.
   */
  public void created(String name, V1Pod listed) {
    Instant now = clock.instant();
    created.values().removeIf(c -> c.at().isBefore(now.minus(KEEP_CREATED)));
    created.put(name, new Created(listed, now));
  }

  /** This instance deleted group {@code name}, or is about to. */
  public void deleted(String name) {
    created.remove(name);
  }

  /**
   * The pods of the last round's list with their latest known status, and the pods created since it
   * began; empty when no round has listed recently, and the caller lists. A group listed with a
   * status the cache has since dropped (deleted, or missing from a GET) is left out; one created
   * since the list began replaces a listed group of the same name of another pod (an earlier
   * one's).
   */
  public Optional<List<V1Pod>> fromLastRound() {
    Optional<RoundList> recent = lists.get();
    if (recent.isEmpty()) {
      return Optional.empty();
    }
    RoundList list = recent.get();
    Map<String, V1Pod> pods = new LinkedHashMap<>();
    for (RoundList.Entry entry : list.entries()) {
      Optional<GroupCache.Entry> cached = cache.get(entry.name());
      if (cached.isPresent()
          && (entry.unfetched() == null || cached.get().fetchedAt().isAfter(list.began()))) {
        pods.put(entry.name(), cached.get().pod());
      } else if (entry.unfetched() != null) {
        pods.put(entry.name(), entry.unfetched());
      }
    }
    created.forEach(
        (name, c) -> {
          V1Pod listed = pods.get(name);
          boolean sameListed =
              listed != null
                  && c.pod().getMetadata().getUid().equals(listed.getMetadata().getUid());
          if (!c.at().isBefore(list.began()) && !sameListed) {
            pods.put(name, c.pod());
          }
        });
    return Optional.of(new ArrayList<>(pods.values()));
  }
}
