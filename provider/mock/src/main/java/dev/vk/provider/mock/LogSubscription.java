package dev.vk.provider.mock;

import dev.vk.kubelet.types.LogLine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the lines of one {@link RunLog} from {@code first} on, no faster than the subscriber
 * asks. Without follow it stops at the lines written when it was opened; with follow a timer looks
 * for new lines every {@link #POLL} until the run ends or the pod is gone. Emission runs on the
 * requesting thread or the timer thread, never both at once (the usual work-in-progress counter).
 * Nothing blocks.
 */
final class LogSubscription implements Flow.Subscription {

  /** How often a follower looks at the clock; lines are a second apart. */
  static final Duration POLL = Duration.ofMillis(100);

  private static final Logger logger = LoggerFactory.getLogger(LogSubscription.class);

  private final RunLog log;
  private final Clock clock;
  private final BooleanSupplier podPresent;
  private final Flow.Subscriber<? super LogLine> subscriber;
  private final long limit; // lines to deliver without follow; Long.MAX_VALUE with follow
  private final AtomicLong requested = new AtomicLong();
  private final AtomicInteger work = new AtomicInteger();
  private long next; // guarded by the work counter
  private volatile boolean done;
  private volatile ScheduledFuture<?> timer;

  LogSubscription(
      RunLog log,
      Clock clock,
      BooleanSupplier podPresent,
      Flow.Subscriber<? super LogLine> subscriber,
      long first,
      long limit) {
    this.log = log;
    this.clock = clock;
    this.podPresent = podPresent;
    this.subscriber = subscriber;
    this.next = first;
    this.limit = limit;
  }

  /** Hands the subscription over and, when following, starts the timer. Does not block. */
  void start(ScheduledExecutorService scheduler, boolean follow) {
    subscriber.onSubscribe(this);
    if (follow && !done) {
      long poll = POLL.toMillis();
      timer = scheduler.scheduleWithFixedDelay(this::drain, poll, poll, TimeUnit.MILLISECONDS);
      if (done) {
        timer.cancel(false); // cancelled while we were scheduling
      }
    }
    drain(); // a log without lines completes before any request
  }

  @Override
  public void request(long n) {
    if (n <= 0) {
      finish();
      subscriber.onError(new IllegalArgumentException("request must be positive, was " + n));
      return;
    }
    requested.accumulateAndGet(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
    drain();
  }

  @Override
  public void cancel() {
    finish();
  }

  private void drain() {
    if (work.getAndIncrement() != 0) {
      return; // the thread already draining will go round again
    }
    try {
      do {
        emit();
      } while (work.decrementAndGet() != 0);
    } catch (RuntimeException e) {
      // A throwing subscriber breaks the rules; stop rather than kill the shared timer thread.
      logger.warn("Log subscriber failed; cancelling its subscription", e);
      finish();
    }
  }

  private void emit() {
    Instant now = clock.instant();
    // Decided before emitting, so that a follower of a deleted pod ends with the lines up to now.
    boolean over = limit != Long.MAX_VALUE || log.endedAt(now) || !podPresent.getAsBoolean();
    long available = Math.min(limit, log.count(now));
    while (!done && next < available && requested.get() > 0) {
      subscriber.onNext(log.line(next++));
      requested.decrementAndGet();
    }
    if (!done && over && next >= available) {
      finish();
      subscriber.onComplete();
    }
  }

  private void finish() {
    done = true;
    ScheduledFuture<?> current = timer;
    if (current != null) {
      current.cancel(false);
    }
  }
}
