package dev.vk.provider.aci.logs;

import dev.vk.kubelet.types.LogLine;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One subscriber's log: lines are offered by the reader and delivered as demand allows; the end or
 * a failure is delivered after the queued lines. Thread-safe; never blocks.
 */
final class LogStream implements Flow.Subscription {

  private final Flow.Subscriber<? super LogLine> subscriber;
  private final Queue<LogLine> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private long demand; // guarded by this
  private boolean ended; // guarded by this
  private Throwable failure; // guarded by this
  private boolean done; // guarded by this

  LogStream(Flow.Subscriber<? super LogLine> subscriber) {
    this.subscriber = subscriber;
  }

  boolean cancelled() {
    return cancelled.get();
  }

  void offer(LogLine line) {
    queue.add(line);
    drain();
  }

  synchronized void end(Throwable error) {
    ended = true;
    failure = error;
    drain();
  }

  @Override
  public void request(long n) {
    synchronized (this) {
      demand = n <= 0 || demand + n < 0 ? Long.MAX_VALUE : demand + n;
    }
    drain();
  }

  @Override
  public void cancel() {
    cancelled.set(true);
  }

  private synchronized void drain() {
    while (!done && !cancelled.get() && demand > 0 && !queue.isEmpty()) {
      demand--;
      subscriber.onNext(queue.poll());
    }
    if (!done && ended && queue.isEmpty() && !cancelled.get()) {
      done = true;
      if (failure == null) {
        subscriber.onComplete();
      } else {
        subscriber.onError(failure);
      }
    }
  }
}
