package dev.vk.node.kube;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One kind's referenced objects, each kept by its own {@link ObjectWatch} that every reader of it
 * shares. A read starts the watch of an object nobody read before and waits for its first list at
 * most {@code firstWait} from the watch's start; whenever the watch cannot answer (not listed yet,
 * failing, refused) the read asks the API server itself, so a read never waits longer than that.
 * {@link #sweep()} stops the watches nobody has read for {@code idle}. At most {@code maxWatches}
 * objects are watched at once; a read of another one asks the API server. Thread-safe.
 */
final class WatchedObjects<T extends KubernetesObject> {
  private static final Logger logger = LoggerFactory.getLogger(WatchedObjects.class);

  private final ObjectSource<T> source;
  private final Executor threads;
  private final Clock clock;
  private final Duration firstWait;
  private final Duration idle;
  private final Duration pause;
  private final int maxWatches;
  private final ConcurrentMap<String, ObjectWatch<T>> watches = new ConcurrentHashMap<>();
  private final Set<String> refusedNamespaces = ConcurrentHashMap.newKeySet();

  /**
   * @param threads runs each watch on a thread of its own for as long as it lives
   * @param pause the first pause after a watch failed
   * @param maxWatches the most objects watched at once
   */
  WatchedObjects(
      ObjectSource<T> source,
      Executor threads,
      Clock clock,
      Duration firstWait,
      Duration idle,
      Duration pause,
      int maxWatches) {
    this.source = source;
    this.threads = threads;
    this.clock = clock;
    this.firstWait = firstWait;
    this.idle = idle;
    this.pause = pause;
    this.maxWatches = maxWatches;
  }

  /**
   * The object, or empty when it does not exist. May block: at most {@code firstWait} for a new
   * watch, then one API call when the watch cannot answer.
   *
   * @throws ApiException the watch cannot answer and the API server refused the read
   */
  Optional<T> read(String namespace, String name) throws ApiException {
    long now = clock.millis();
    String key = namespace + "/" + name;
    if (watches.size() >= maxWatches && !watches.containsKey(key)) {
      return source.get(namespace, name); // full: this object is read as before
    }
    ObjectWatch<T> watch =
        watches.computeIfAbsent(
            key,
            k -> {
              ObjectWatch<T> w = new ObjectWatch<>(source, namespace, name, pause, now);
              threads.execute(w);
              return w;
            });
    watch.used(now);
    try {
      if (watch.awaitSynced(now, watch.startedMillis() + firstWait.toMillis())) {
        return watch.value();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    ApiException refused = watch.refused();
    if (refused != null && refusedNamespaces.add(namespace)) {
      logger.warn(
          "Cannot watch {} in {} (HTTP {}): each is read by GET until a retry after {}; the"
              + " node's RBAC lacks list and watch there",
          source.resource(),
          namespace,
          refused.getCode(),
          idle);
    }
    return source.get(namespace, name);
  }

  /**
   * Stops and drops the watches nobody read for {@code idle}, and the refused ones older than that
   * (so a fixed RBAC is tried again). Never blocks.
   */
  void sweep() {
    long now = clock.millis();
    long limit = idle.toMillis();
    watches.forEach(
        (key, w) -> {
          boolean unused = now - w.usedMillis() >= limit;
          boolean retry = w.refused() != null && now - w.startedMillis() >= limit;
          if ((unused || retry) && watches.remove(key, w)) {
            w.stop();
          }
        });
    if (watches.values().stream().noneMatch(w -> w.refused() != null)) {
      refusedNamespaces.clear();
    }
  }

  /** How many objects are watched now. */
  int size() {
    return watches.size();
  }

  /** Stops every watch. Idempotent, never blocks. */
  void stopAll() {
    watches.values().forEach(ObjectWatch::stop);
    watches.clear();
  }
}
