package dev.vk.node.kube;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.util.Watch;
import io.kubernetes.client.util.Watchable;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One object's list and watch, run on its own thread until {@link #stop()}: the object as the API
 * server last told (empty while it does not exist). A failed watch lists again after a pause; a
 * refused one (403, 401) ends for good and says why in {@link #refused()}.
 */
final class ObjectWatch<T extends KubernetesObject> implements Runnable {
  private static final Logger logger = LoggerFactory.getLogger(ObjectWatch.class);
  private static final Duration MAX_PAUSE = Duration.ofSeconds(30);

  private final ObjectSource<T> source;
  private final String namespace;
  private final String name;
  private final Duration pause;
  private final long startedMillis;
  private final CountDownLatch answered = new CountDownLatch(1);
  private volatile Optional<T> value = Optional.empty();
  private volatile boolean synced;
  private volatile boolean stopped;
  private volatile ApiException refused;
  private volatile Watchable<T> open;
  private volatile Thread runner;
  private volatile long usedMillis;

  /**
   * @param pause the first pause after a failure, doubled up to 30 s
   */
  ObjectWatch(
      ObjectSource<T> source, String namespace, String name, Duration pause, long nowMillis) {
    this.source = source;
    this.namespace = namespace;
    this.name = name;
    this.pause = pause;
    this.startedMillis = nowMillis;
    this.usedMillis = nowMillis;
  }

  @Override
  public void run() {
    runner = Thread.currentThread();
    String version = null;
    Duration wait = pause;
    while (!stopped) {
      try {
        if (version == null) {
          ObjectSource.Listed<T> listed = source.list(namespace, name);
          value = Optional.ofNullable(trim(listed.object()));
          version = listed.resourceVersion();
          synced = true;
          answered.countDown();
        }
        long began = System.nanoTime();
        version = follow(version);
        if (version == null) {
          synced = false; // events may be missed: readers read the API until the next list
        }
        wait = pause;
        if (System.nanoTime() - began < pause.toNanos()) {
          Thread.sleep(pause.toMillis()); // a watch that ends at once must not spin
        }
      } catch (ApiException e) {
        if (e.getCode() == 403 || e.getCode() == 401) {
          refused = e;
          synced = false;
          answered.countDown();
          return;
        }
        version = null;
        wait = failed(e, wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) { // the watch's connection failed while reading
        version = null;
        wait = failed(e, wait);
      }
    }
  }

  /** Follows the watch until it ends; the version to resume from, or null to list again. */
  private String follow(String version) throws ApiException {
    String at = version;
    try (Watchable<T> watch = source.watch(namespace, name, version)) {
      open = watch;
      if (stopped) {
        return at;
      }
      for (Watch.Response<T> r : watch) {
        switch (r.type) {
          case "ADDED", "MODIFIED" -> value = Optional.of(trim(r.object));
          case "DELETED" -> value = Optional.empty();
          case "BOOKMARK" -> {}
          default -> { // ERROR, as 410 Gone: the version is too old to resume from
            return null;
          }
        }
        if (r.object != null && r.object.getMetadata() != null) {
          at = r.object.getMetadata().getResourceVersion();
        }
      }
      return at;
    } catch (IOException e) {
      return at; // closing the ended watch failed: nothing lost
    } finally {
      open = null;
    }
  }

  private Duration failed(Exception e, Duration wait) {
    synced = false; // until the next list: readers read the API instead of an old value
    if (stopped) {
      return wait;
    }
    logger.debug(
        "Watch of {} {}/{} failed ({}); listing again", source.resource(), namespace, name, e);
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      stopped = true;
    }
    Duration next = wait.multipliedBy(2);
    return next.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : next;
  }

  @SuppressWarnings("unchecked")
  private static <T extends KubernetesObject> T trim(T object) {
    return object == null ? null : (T) CacheTrim.MANAGED_FIELDS.transform(object);
  }

  /**
   * Waits until the first list answered or {@code deadlineMillis} (clock time) passed. May block.
   *
   * @return whether the value follows the API server
   */
  boolean awaitSynced(long nowMillis, long deadlineMillis) throws InterruptedException {
    long left = deadlineMillis - nowMillis;
    if (left > 0) {
      answered.await(left, TimeUnit.MILLISECONDS);
    }
    return synced && !stopped;
  }

  /** The object from the watch; meaningful only while {@link #awaitSynced} says so. */
  Optional<T> value() {
    return value;
  }

  /** Why the API server refused the list or watch; null while it has not. */
  ApiException refused() {
    return refused;
  }

  void used(long nowMillis) {
    usedMillis = nowMillis;
  }

  long usedMillis() {
    return usedMillis;
  }

  long startedMillis() {
    return startedMillis;
  }

  /** Ends the watch; its thread ends soon after. Idempotent, never blocks. */
  void stop() {
    stopped = true;
    synced = false;
    answered.countDown();
    Thread t = runner;
    if (t != null) {
      t.interrupt(); // ends a pause
    }
    Watchable<T> w = open;
    if (w != null) {
      try {
        w.close();
      } catch (IOException | RuntimeException e) {
        logger.debug("Closing the watch of {}/{}: {}", namespace, name, e.toString());
      }
    }
  }
}
