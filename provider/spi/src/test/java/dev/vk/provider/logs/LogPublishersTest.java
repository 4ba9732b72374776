package dev.vk.provider.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vk.kubelet.types.LogLine;
import dev.vk.kubelet.types.LogOptions;
import dev.vk.kubelet.types.ProviderException;
import jakarta.annotation.Nullable;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LogPublishersTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Clock CLOCK = Clock.fixed(T0.plusSeconds(100), ZoneOffset.UTC);

  private final LogPublishers publishers =
      new LogPublishers("test-logs", Duration.ofMillis(20), CLOCK);

  @AfterEach
  void close() {
    publishers.close();
  }

  @Test
  void deliversNoMoreThanRequestedAndTheRestOnTheNextRequest() {
    ScriptedReader reader = new ScriptedReader(lines(5));
    Collector log =
        Collector.requesting(2, publishers.publisher(LogOptions.DEFAULTS, () -> reader));

    await().until(() -> reader.closed.get());
    assertThat(log.texts()).containsExactly("line 0", "line 1");
    assertThat(log.completed).isFalse();

    log.subscription().request(10);

    await().until(() -> log.completed);
    assertThat(log.texts()).hasSize(5);
  }

  @Test
  void tailAndSinceChooseTheNewestLinesAfterTheCutOff() {
    ScriptedReader reader = new ScriptedReader(lines(10));
    LogOptions options = LogOptions.DEFAULTS.since(T0.plusSeconds(7)).tail(5);

    Collector log =
        Collector.requesting(Long.MAX_VALUE, publishers.publisher(options, () -> reader));

    await().until(() -> log.completed);
    assertThat(log.texts()).containsExactly("line 7", "line 8", "line 9");
  }

  @Test
  void followDeliversNewLinesAndCompletesAfterTheEndWithTheLastOnes() {
    ScriptedReader reader = new ScriptedReader(lines(1));
    Collector log =
        Collector.requesting(
            Long.MAX_VALUE, publishers.publisher(LogOptions.DEFAULTS.following(), () -> reader));
    await().until(() -> log.texts().size() == 1);

    reader.append(lines(3).subList(1, 3));
    reader.ended.set(true);

    await().until(() -> log.completed);
    assertThat(log.texts()).containsExactly("line 0", "line 1", "line 2");
    assertThat(reader.closed).isTrue();
    assertThat(publishers.running()).isZero();
  }

  @Test
  void cancelStopsTheFollowerAndClosesTheReader() {
    ScriptedReader reader = new ScriptedReader(lines(1));
    Collector log =
        Collector.requesting(
            Long.MAX_VALUE, publishers.publisher(LogOptions.DEFAULTS.following(), () -> reader));
    await().until(() -> log.texts().size() == 1);
    assertThat(publishers.running()).isEqualTo(1);

    log.subscription().cancel();

    await().until(() -> reader.closed.get());
    assertThat(publishers.running()).isZero();
    assertThat(log.completed).isFalse();
  }

  @Test
  void cancelReleasesAReaderHeldByASlowSubscriber() {
    // More lines than the buffer holds: the reader waits for demand until the cancel.
    ScriptedReader reader = new ScriptedReader(lines(LogPublisher.BUFFER * 4));
    Collector log =
        Collector.requesting(1, publishers.publisher(LogOptions.DEFAULTS, () -> reader));
    await().until(() -> log.texts().size() == 1);

    log.subscription().cancel();

    await().until(() -> reader.closed.get());
    assertThat(publishers.running()).isZero();
    assertThat(log.texts()).hasSize(1);
  }

  @Test
  void aReadFailureEndsTheLogWithThatError() {
    ProviderException failure = ProviderException.notFound("stream gone");
    LogReader reader =
        new ScriptedReader(lines(0)) {
          @Override
          public boolean readMore(Consumer<LogLine> out) throws ProviderException {
            throw failure;
          }
        };

    Collector log =
        Collector.requesting(
            Long.MAX_VALUE, publishers.publisher(LogOptions.DEFAULTS.following(), () -> reader));

    await().until(() -> log.error != null);
    assertThat(log.error).isSameAs(failure);
  }

  @Test
  void anEmptyLogCompletesWithoutAnyRequest() {
    Collector log =
        Collector.requesting(
            0, publishers.publisher(LogOptions.DEFAULTS, () -> new ScriptedReader(List.of())));

    await().until(() -> log.completed);
    assertThat(log.texts()).isEmpty();
  }

  private static List<LogLine> lines(int count) {
    return java.util.stream.IntStream.range(0, count)
        .mapToObj(i -> LogLine.of(T0.plusSeconds(i), "line " + i))
        .toList();
  }

  /** A log that holds the given lines; tests append more and end it. */
  private static class ScriptedReader implements LogReader {
    final Queue<LogLine> pending = new ConcurrentLinkedQueue<>();
    final AtomicBoolean ended = new AtomicBoolean();
    final AtomicBoolean closed = new AtomicBoolean();

    ScriptedReader(List<LogLine> initial) {
      pending.addAll(initial);
    }

    void append(List<LogLine> lines) {
      pending.addAll(lines);
    }

    @Override
    public void readInitial(Consumer<LogLine> out) throws ProviderException {
      readMore(out);
    }

    @Override
    public boolean readMore(Consumer<LogLine> out) throws ProviderException {
      boolean any = false;
      for (LogLine line = pending.poll(); line != null; line = pending.poll()) {
        out.accept(line);
        any = true;
      }
      return any;
    }

    @Override
    public boolean ended() {
      return ended.get();
    }

    @Override
    public void close() {
      closed.set(true);
    }
  }

  /** Records what a subscriber sees. */
  private static final class Collector implements Flow.Subscriber<LogLine> {
    final List<LogLine> lines = new CopyOnWriteArrayList<>();
    final long initial;
    volatile @Nullable Flow.Subscription subscription;
    volatile boolean completed;
    volatile @Nullable Throwable error;

    private Collector(long initial) {
      this.initial = initial;
    }

    Flow.Subscription subscription() {
      return java.util.Objects.requireNonNull(subscription, "not subscribed yet");
    }

    static Collector requesting(long initial, Flow.Publisher<LogLine> publisher) {
      Collector collector = new Collector(initial);
      publisher.subscribe(collector);
      return collector;
    }

    List<String> texts() {
      return lines.stream()
          .map(l -> new String(l.content(), StandardCharsets.UTF_8).strip())
          .toList();
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      if (initial > 0) {
        s.request(initial);
      }
    }

    @Override
    public void onNext(LogLine item) {
      lines.add(item);
    }

    @Override
    public void onError(Throwable t) {
      error = t;
    }

    @Override
    public void onComplete() {
      completed = true;
    }
  }
}
