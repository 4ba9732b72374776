package dev.vk.provider.mock;

import dev.vk.kubelet.types.LogLine;
import dev.vk.kubelet.types.LogOptions;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;

/**
 * The log of one container run as {@code kubectl logs} asks for it: {@code tailLines} and the since
 * cut-off choose the first line when a subscriber arrives; without follow the lines written by then
 * are delivered, with follow new ones keep coming until the run ends or the pod is deleted. Each
 * subscriber gets its own subscription. {@link #subscribe} does not block.
 */
final class LogPublisher implements Flow.Publisher<LogLine> {

  private final RunLog log;
  private final LogOptions options;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final BooleanSupplier podPresent;

  /**
   * @param podPresent whether the pod still exists with the same UID, asked while following
   */
  LogPublisher(
      RunLog log,
      LogOptions options,
      Clock clock,
      ScheduledExecutorService scheduler,
      BooleanSupplier podPresent) {
    this.log = log;
    this.options = options;
    this.clock = clock;
    this.scheduler = scheduler;
    this.podPresent = podPresent;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super LogLine> subscriber) {
    Instant now = clock.instant();
    long count = log.count(now);
    long first = options.cutoff(now).map(log::firstAtOrAfter).orElse(0L);
    if (options.tailLines().isPresent()) {
      first = Math.max(first, count - options.tailLines().getAsLong());
    }
    long limit = options.follow() ? Long.MAX_VALUE : count;
    new LogSubscription(log, clock, podPresent, subscriber, first, limit)
        .start(scheduler, options.follow());
  }
}
