package dev.vk.provider.testkit;

import dev.vk.kubelet.types.LogLine;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A log subscriber that records what it receives and checks the publisher's side of the request(n)
 * contract: a line that arrives without outstanding demand is counted as an overrun. Thread-safe.
 */
public final class RecordingLogSubscriber implements Flow.Subscriber<LogLine> {
  private final List<LogLine> lines = new CopyOnWriteArrayList<>();
  private final AtomicLong demand = new AtomicLong();
  private final AtomicLong overruns = new AtomicLong();
  private final long initialRequest;
  private volatile Flow.Subscription subscription;
  private volatile boolean completed;
  private volatile Throwable error;
  private final CompletableFuture<Void> end = new CompletableFuture<>();

  /** A subscriber that requests {@code initialRequest} lines on subscription (0 for none). */
  public RecordingLogSubscriber(long initialRequest) {
    this.initialRequest = initialRequest;
  }

  /** Subscribes a recorder that asks for every line of {@code publisher}. */
  public static RecordingLogSubscriber everything(Flow.Publisher<LogLine> publisher) {
    RecordingLogSubscriber subscriber = new RecordingLogSubscriber(Long.MAX_VALUE);
    publisher.subscribe(subscriber);
    return subscriber;
  }

  /** Waits until the publisher completes, then the lines; rethrows its failure. Blocks. */
  public List<LogLine> awaitLines(Duration timeout) throws Exception {
    end.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    return lines();
  }

  /** Like {@link #awaitLines}, as text without the newline. Blocks. */
  public List<String> awaitTexts(Duration timeout) throws Exception {
    end.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    return texts();
  }

  /** Asks for {@code n} more lines. */
  public void request(long n) {
    demand.accumulateAndGet(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
    subscription.request(n);
  }

  public void cancel() {
    subscription.cancel();
  }

  public List<LogLine> lines() {
    return List.copyOf(lines);
  }

  /** The lines as text, without their newline. */
  public List<String> texts() {
    return lines.stream().map(RecordingLogSubscriber::text).toList();
  }

  /** Lines delivered beyond the demand; a publisher that honours request(n) has none. */
  public long overruns() {
    return overruns.get();
  }

  public boolean completed() {
    return completed;
  }

  /** The failure the publisher ended with, or null. */
  public Throwable error() {
    return error;
  }

  /** Whether the publisher has completed or failed. */
  public boolean ended() {
    return completed || error != null;
  }

  static String text(LogLine line) {
    return new String(line.content(), StandardCharsets.UTF_8).stripTrailing();
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (initialRequest > 0) {
      request(initialRequest);
    }
  }

  @Override
  public void onNext(LogLine line) {
    if (demand.getAndUpdate(d -> d == Long.MAX_VALUE ? d : d - 1) <= 0) {
      overruns.incrementAndGet();
    }
    lines.add(line);
  }

  @Override
  public void onError(Throwable t) {
    error = t;
    end.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    completed = true;
    end.complete(null);
  }
}
