package dev.vk.kubeletapi.testing;

import dev.vk.kubelet.types.LogLine;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A log source the test drives: it emits lines when told, records demand, and remembers whether the
 * subscriber cancelled (the "nothing leaks" property).
 */
public final class TestingLogPublisher implements Flow.Publisher<LogLine> {
  private final AtomicLong demand = new AtomicLong();
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private volatile Flow.Subscriber<? super LogLine> subscriber;

  @Override
  public void subscribe(Flow.Subscriber<? super LogLine> s) {
    subscriber = s;
    s.onSubscribe(
        new Flow.Subscription() {
          @Override
          public void request(long n) {
            demand.addAndGet(n);
          }

          @Override
          public void cancel() {
            cancelled.set(true);
          }
        });
  }

  /** Emits a line, failing the test if the subscriber did not ask for it. */
  public void emit(LogLine line) {
    if (demand.getAndDecrement() <= 0) {
      throw new AssertionError("emitted without demand");
    }
    subscriber.onNext(line);
  }

  public void complete() {
    subscriber.onComplete();
  }

  public void fail(Throwable error) {
    subscriber.onError(error);
  }

  public long demand() {
    return demand.get();
  }

  public boolean cancelled() {
    return cancelled.get();
  }

  public boolean subscribed() {
    return subscriber != null;
  }
}
