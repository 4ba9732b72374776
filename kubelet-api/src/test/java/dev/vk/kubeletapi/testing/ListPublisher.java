package dev.vk.kubeletapi.testing;

import dev.vk.kubelet.types.LogLine;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/** Publishes a fixed list of lines, honouring demand, then completes. */
public final class ListPublisher implements Flow.Publisher<LogLine> {
  private final List<LogLine> lines;

  public ListPublisher(List<LogLine> lines) {
    this.lines = List.copyOf(lines);
  }

  @Override
  public void subscribe(Flow.Subscriber<? super LogLine> subscriber) {
    subscriber.onSubscribe(
        new Flow.Subscription() {
          private final AtomicBoolean emitting = new AtomicBoolean();
          private long demand;
          private int next;
          private boolean done;

          @Override
          public synchronized void request(long n) {
            demand += n;
            // Demand may arrive from inside onNext; the outer call keeps emitting.
            if (!emitting.compareAndSet(false, true)) {
              return;
            }
            while (!done && demand > 0 && next < lines.size()) {
              demand--;
              subscriber.onNext(lines.get(next++));
            }
            if (!done && next == lines.size()) {
              done = true;
              subscriber.onComplete();
            }
            emitting.set(false);
          }

          @Override
          public synchronized void cancel() {
            done = true;
          }
        });
  }
}
