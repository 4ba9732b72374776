package dev.vk.node.pod;

import dev.vk.provider.DaemonThreads;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A queue of keys processed by a pool of workers. A key waits at most once in the queue; a key
 * added while a worker holds it runs again afterwards, so no two workers ever process the same key
 * and no change is lost. Failures back off per key, so one failing pod never slows the others.
 */
public final class KeyedWorkQueue implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(KeyedWorkQueue.class);

  /** How long closing waits for interrupted handlers to return. */
  static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

  /** Processes one key. May block; must not throw for expected failures (return a retry). */
  @FunctionalInterface
  public interface Handler {
    Outcome handle(String key) throws Exception;
  }

  private final String name;
  private final Handler handler;
  private final Duration baseDelay;
  private final Duration maxDelay;
  private final LinkedBlockingQueue<String> ready = new LinkedBlockingQueue<>();
  private final Set<String> queued = new HashSet<>();
  private final Set<String> processing = new HashSet<>();
  private final Set<String> dirty = new HashSet<>();
  private final Map<String, Integer> failures = new HashMap<>();
  private final Map<String, Long> waitingSince = new HashMap<>();
  private final AtomicLong retries = new AtomicLong();
  private final ExecutorService workers;
  private final ScheduledExecutorService timer;
  private final int workerCount;
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicLong crashes = new AtomicLong();
  private volatile boolean closed;
  private volatile boolean started;

  public KeyedWorkQueue(
      String name, int workerCount, Handler handler, Duration baseDelay, Duration maxDelay) {
    this.name = name;
    this.handler = handler;
    this.baseDelay = baseDelay;
    this.maxDelay = maxDelay;
    this.workers =
        Executors.newFixedThreadPool(workerCount, DaemonThreads.factory(name + "-worker"));
    this.timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.factory(name + "-timer"));
    this.workerCount = workerCount;
  }

  /** Starts the workers; keys added before wait until then. */
  public void start() {
    running.set(workerCount);
    started = true;
    for (int i = 0; i < workerCount; i++) {
      workers.execute(this::work);
    }
  }

  public synchronized void add(String key) {
    if (closed) {
      return;
    }
    if (processing.contains(key)) {
      dirty.add(key);
    } else if (queued.add(key)) {
      waitingSince.put(key, System.nanoTime());
      ready.add(key);
    }
  }

  public void addAfter(String key, Duration delay) {
    if (!closed) {
      timer.schedule(() -> add(key), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    }
  }

  /** Keys waiting or being processed, for metrics. */
  public synchronized int depth() {
    return queued.size() + processing.size();
  }

  /** Handler errors (Throwables, not Exceptions) caught so far, for metrics. */
  public long crashes() {
    return crashes.get();
  }

  /**
   * Why the queue cannot make progress: fewer workers running than started. Empty when healthy or
   * closed. Cheap; for the liveness check.
   */
  public Optional<String> deadWorkers() {
    int alive = running.get();
    if (closed || !started || alive >= workerCount) {
      return Optional.empty();
    }
    return Optional.of(
        name + ": " + (workerCount - alive) + " of " + workerCount + " workers gone");
  }

  /** How long the key waiting longest has waited for a worker (zero when none waits). */
  public synchronized Duration oldestWait() {
    long now = System.nanoTime();
    long oldest = waitingSince.values().stream().mapToLong(t -> now - t).max().orElse(0);
    return Duration.ofNanos(oldest);
  }

  /** Failed runs put back with backoff so far, for metrics. */
  public long retries() {
    return retries.get();
  }

  private void work() {
    try {
      while (!closed) {
        String key;
        try {
          key = ready.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        process(key);
      }
    } finally {
      running.decrementAndGet();
    }
  }

  /** Runs one key; whatever happens, the key is released so it can run again. */
  private void process(String key) {
    synchronized (this) {
      queued.remove(key);
      waitingSince.remove(key);
      processing.add(key);
    }
    Outcome outcome = Outcome.retry("not processed");
    try {
      outcome = run(key);
    } finally {
      boolean again;
      synchronized (this) {
        processing.remove(key);
        again = dirty.remove(key);
      }
      schedule(key, outcome);
      if (again) {
        add(key);
      }
    }
  }

  private Outcome run(String key) {
    MDC.put("pod", key);
    try {
      return handler.handle(key);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Outcome.DONE;
    } catch (Exception e) {
      return Outcome.retry(e.toString());
    } catch (Throwable t) { // NOPMD: an Error must not kill the worker nor strand the key
      crashes.incrementAndGet();
      logger.error("{}: {} crashed the handler; retrying with backoff", name, key, t);
      return Outcome.retry(t.toString());
    } finally {
      MDC.remove("pod");
    }
  }

  private void schedule(String key, Outcome outcome) {
    if (closed) {
      return; // stopping: a call cut short by the stop is no failure, and nothing runs again
    }
    if (outcome instanceof Outcome.Again a) {
      forget(key);
      addAfter(key, a.delay());
    } else if (outcome instanceof Outcome.Retry r) {
      retries.incrementAndGet();
      Duration delay = backoff(key);
      if (r.atLeast().compareTo(delay) > 0) {
        delay = r.atLeast();
      }
      logger.info("{}: {} failed ({}); retrying in {} ms", name, key, r.why(), delay.toMillis());
      addAfter(key, delay);
    } else {
      forget(key);
    }
  }

  private synchronized void forget(String key) {
    failures.remove(key);
  }

  /** base * 2^(failures-1), capped, with up to 20% jitter so retries of many pods spread out. */
  private synchronized Duration backoff(String key) {
    int n = failures.merge(key, 1, Integer::sum);
    long millis = baseDelay.toMillis() << Math.min(n - 1, 20);
    millis = Math.min(millis, maxDelay.toMillis());
    long jitter = (long) (millis * 0.2 * ThreadLocalRandom.current().nextDouble());
    return Duration.ofMillis(millis + jitter);
  }

  /**
   * Stops taking keys and interrupts the handlers; waits up to {@link #CLOSE_WAIT} for them to
   * return, so whatever is closed after the queue (the provider) sees no call still running.
   */
  @Override
  public void close() {
    closed = true;
    workers.shutdownNow();
    timer.shutdownNow();
    try {
      workers.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
