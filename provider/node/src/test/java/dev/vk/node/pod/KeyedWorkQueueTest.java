package dev.vk.node.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KeyedWorkQueueTest {
  private static final Duration FAST = Duration.ofMillis(10);

  @Test
  @DisplayName("a key added while it is being processed runs again afterwards, never twice at once")
  void noConcurrentRunsAndNoLostChange() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger maxRunning = new AtomicInteger();
    AtomicInteger runs = new AtomicInteger();
    KeyedWorkQueue.Handler handler =
        key -> {
          maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
          if (runs.incrementAndGet() == 1) {
            entered.countDown();
            release.await(5, TimeUnit.SECONDS);
          }
          running.decrementAndGet();
          return Outcome.DONE;
        };
    try (KeyedWorkQueue q = new KeyedWorkQueue("t", 4, handler, FAST, FAST)) {
      q.start();
      q.add("ns/a");
      assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
      q.add("ns/a");
      q.add("ns/a");
      release.countDown();
      await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 2 && q.depth() == 0);
    }
    assertThat(maxRunning.get()).isEqualTo(1);
  }

  @Test
  @DisplayName("a failing key is retried with backoff while other keys go on")
  void failingKeyDoesNotBlockOthers() {
    Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    List<String> done = new CopyOnWriteArrayList<>();
    KeyedWorkQueue.Handler handler =
        key -> {
          int n = calls.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
          if (key.equals("ns/bad") && n < 3) {
            return Outcome.retry("boom");
          }
          done.add(key);
          return Outcome.DONE;
        };
    try (KeyedWorkQueue q = new KeyedWorkQueue("t", 1, handler, FAST, Duration.ofMillis(50))) {
      q.start();
      q.add("ns/bad");
      q.add("ns/good");
      await().atMost(Duration.ofSeconds(5)).until(() -> done.size() == 2);
    }
    assertThat(done).first().isEqualTo("ns/good");
    assertThat(calls.get("ns/bad").get()).isEqualTo(3);
  }

  @Test
  @DisplayName("a thrown exception counts as a failure and is retried")
  void exceptionIsRetried() {
    AtomicInteger calls = new AtomicInteger();
    try (KeyedWorkQueue q =
        new KeyedWorkQueue(
            "t",
            1,
            key -> {
              if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("first time fails");
              }
              return Outcome.DONE;
            },
            FAST,
            FAST)) {
      q.start();
      q.add("ns/x");
      await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() == 2);
    }
  }

  @Test
  @DisplayName(
      "a call cut short by closing the queue (the node stopping) is no failure: not counted, not"
          + " retried")
  void closingIsNoFailure() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch ended = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    KeyedWorkQueue q =
        new KeyedWorkQueue(
            "t",
            1,
            key -> {
              calls.incrementAndGet();
              entered.countDown();
              try {
                new CountDownLatch(1).await(); // a provider call, until the stop interrupts it
                return Outcome.DONE;
              } catch (InterruptedException e) {
                // As cloud SDKs do: the interrupt comes back as an I/O failure.
                throw new IllegalStateException("interrupted", e);
              } finally {
                ended.countDown();
              }
            },
            FAST,
            FAST);
    q.start();
    q.add("ns/x");
    assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

    q.close(); // returns once the interrupted handler has

    assertThat(ended.getCount()).isZero();
    assertThat(q.retries()).isZero();
    assertThat(q.depth()).isZero();
    assertThat(calls.get()).isEqualTo(1);
  }

  @Test
  @DisplayName("keys added before start wait for the workers, deduplicated")
  void waitsForStart() {
    AtomicInteger calls = new AtomicInteger();
    try (KeyedWorkQueue q =
        new KeyedWorkQueue(
            "t",
            2,
            key -> {
              calls.incrementAndGet();
              return Outcome.DONE;
            },
            FAST,
            FAST)) {
      q.add("ns/x");
      q.add("ns/x");
      assertThat(q.depth()).isEqualTo(1);
      assertThat(calls.get()).isZero();
      q.start();
      await().atMost(Duration.ofSeconds(5)).until(() -> q.depth() == 0);
    }
    assertThat(calls.get()).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "a handler that throws an Error does not kill its worker: the key is released, retried and counted")
  void errorInHandlerIsSurvived() {
    AtomicInteger calls = new AtomicInteger();
    List<String> done = new CopyOnWriteArrayList<>();
    KeyedWorkQueue.Handler handler =
        key -> {
          if (key.equals("ns/bad") && calls.incrementAndGet() == 1) {
            throw new StackOverflowError("deep");
          }
          done.add(key);
          return Outcome.DONE;
        };
    try (KeyedWorkQueue q = new KeyedWorkQueue("t", 1, handler, FAST, FAST)) {
      q.start();
      q.add("ns/bad");
      q.add("ns/good");
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> done.contains("ns/bad") && done.contains("ns/good") && q.depth() == 0);
      assertThat(q.crashes()).isEqualTo(1);
      assertThat(q.deadWorkers()).isEmpty();
      // The key is not stuck in processing: it runs again when added.
      q.add("ns/bad");
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> done.stream().filter("ns/bad"::equals).count() == 2);
    }
  }

  @Test
  @DisplayName("a worker that is gone anyway (an interrupt leaked from a handler) is reported")
  void goneWorkerIsReported() {
    KeyedWorkQueue.Handler handler =
        key -> {
          Thread.currentThread().interrupt();
          return Outcome.DONE;
        };
    // Closed by hand: the test checks what close() does; finally only cleans up after a failure.
    KeyedWorkQueue q = new KeyedWorkQueue("pod-sync", 2, handler, FAST, FAST);
    try {
      assertThat(q.deadWorkers()).as("not started yet").isEmpty();
      q.start();
      await().atMost(Duration.ofSeconds(5)).until(() -> q.deadWorkers().isEmpty());
      q.add("ns/a");
      await().atMost(Duration.ofSeconds(5)).until(() -> q.deadWorkers().isPresent());
      assertThat(q.deadWorkers()).contains("pod-sync: 1 of 2 workers gone");
      q.close();
      assertThat(q.deadWorkers()).as("closed on purpose").isEmpty();
    } finally {
      q.close();
    }
  }
}
