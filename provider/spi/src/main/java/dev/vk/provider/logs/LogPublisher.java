package dev.vk.provider.logs;

import dev.vk.kubelet.types.LogLine;
import dev.vk.kubelet.types.LogOptions;
import dev.vk.kubelet.types.ProviderException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Publishes one log request. SubmissionPublisher does the demand bookkeeping: it never delivers
 * more than requested and blocks the reader while its buffer is full. Cancelling wakes a waiting
 * follower at once, so the reader is closed without waiting out the interval.
 */
final class LogPublisher implements Flow.Publisher<LogLine> {
  /** Lines buffered for a slow subscriber before the reader waits. */
  static final int BUFFER = 256;

  private final Executor executor;
  private final Supplier<LogReader> readers;
  private final LogOptions options;
  private final Duration interval;
  private final Clock clock;
  private final AtomicInteger running;

  LogPublisher(
      Executor executor,
      Supplier<LogReader> readers,
      LogOptions options,
      Duration interval,
      Clock clock,
      AtomicInteger running) {
    this.executor = executor;
    this.readers = readers;
    this.options = options;
    this.interval = interval;
    this.clock = clock;
    this.running = running;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super LogLine> subscriber) {
    SubmissionPublisher<LogLine> out = new SubmissionPublisher<>(Runnable::run, BUFFER);
    // "Now" for sinceSeconds and tail 0 is the subscription, not when a reader thread gets to it.
    LogRun run = new LogRun(out, options, options.cutoff(clock.instant()), interval);
    LogReader reader = readers.get();
    out.subscribe(new CancelSignal(subscriber, run::cancel));
    running.incrementAndGet();
    try {
      executor.execute(
          () -> {
            try {
              run.run(reader);
            } finally {
              running.decrementAndGet();
            }
          });
    } catch (RejectedExecutionException e) {
      running.decrementAndGet();
      reader.close();
      out.closeExceptionally(
          new ProviderException(
              ProviderException.Kind.UNAVAILABLE, "the provider is shutting down"));
    }
  }

  /** Passes everything through and tells the reader when the subscriber cancels. */
  private record CancelSignal(Flow.Subscriber<? super LogLine> subscriber, Runnable onCancel)
      implements Flow.Subscriber<LogLine> {

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscriber.onSubscribe(
          new Flow.Subscription() {
            @Override
            public void request(long n) {
              subscription.request(n);
            }

            @Override
            public void cancel() {
              subscription.cancel();
              onCancel.run();
            }
          });
    }

    @Override
    public void onNext(LogLine item) {
      subscriber.onNext(item);
    }

    @Override
    public void onError(Throwable throwable) {
      subscriber.onError(throwable);
    }

    @Override
    public void onComplete() {
      subscriber.onComplete();
    }
  }
}
