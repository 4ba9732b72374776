package dev.vk.provider.fargate.logs;

import dev.vk.kubelet.types.LogLine;
import dev.vk.kubelet.types.LogOptions;
import dev.vk.kubelet.types.ProviderException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Publishes one log request. Reading starts on subscription on a reader thread; SubmissionPublisher
 * does the demand bookkeeping and blocks the reader while the subscriber is slow. With follow it
 * polls every interval and completes once the task stopped and a last read found nothing new;
 * cancelling the subscription ends the reader at its next step.
 */
final class LogPublisher implements Flow.Publisher<LogLine> {
  private final ExecutorService executor;
  private final LogStreamReader reader;
  private final LogOptions options;
  private final Duration interval;
  private final Clock clock;
  private final BooleanSupplier taskStopped;

  LogPublisher(
      ExecutorService executor,
      LogStreamReader reader,
      LogOptions options,
      Duration interval,
      Clock clock,
      BooleanSupplier taskStopped) {
    this.executor = executor;
    this.reader = reader;
    this.options = options;
    this.interval = interval;
    this.clock = clock;
    this.taskStopped = taskStopped;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super LogLine> subscriber) {
    SubmissionPublisher<LogLine> out = new SubmissionPublisher<>(Runnable::run, 256);
    out.subscribe(subscriber);
    executor.execute(() -> run(out));
  }

  private void run(SubmissionPublisher<LogLine> out) {
    try {
      reader.readInitial(options, clock.instant(), out::submit);
      while (options.follow() && out.hasSubscribers()) {
        boolean stopped = taskStopped.getAsBoolean();
        boolean more = reader.readMore(out::submit);
        if (stopped && !more) {
          break; // Read once more after the stop was seen, so the last lines are not lost.
        }
        if (!more) {
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(interval.toMillis()));
        }
      }
      out.close();
    } catch (ProviderException | RuntimeException e) {
      out.closeExceptionally(e);
    }
  }
}
