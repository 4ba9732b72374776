package dev.vk.provider.logs;

import dev.vk.kubelet.types.LogLine;
import dev.vk.kubelet.types.LogOptions;
import dev.vk.kubelet.types.ProviderException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One subscriber's reading, on a reader thread: the initial read cut to {@code tailLines} and the
 * "since" cut-off, then with follow a read every interval until the container ended and a last read
 * found nothing new, or the subscriber cancelled. Ends by completing or failing the publisher and
 * closing the reader.
 */
final class LogRun {
  private final SubmissionPublisher<LogLine> out;
  private final LogOptions options;
  private final Optional<Instant> cutoff;
  private final Duration interval;
  private final CountDownLatch cancelled = new CountDownLatch(1);

  /**
   * @param cutoff the instant before which lines are skipped, from the options at subscription
   */
  LogRun(
      SubmissionPublisher<LogLine> out,
      LogOptions options,
      Optional<Instant> cutoff,
      Duration interval) {
    this.out = out;
    this.options = options;
    this.cutoff = cutoff;
    this.interval = interval;
  }

  /** The subscriber went away: wakes a waiting follower. Does not block. */
  void cancel() {
    cancelled.countDown();
  }

  /** Reads and publishes until the end. Blocks; closes {@code reader}. */
  void run(LogReader reader) {
    try (reader) {
      Consumer<LogLine> publish =
          line -> {
            if (cutoff.isEmpty() || !line.timestamp().isBefore(cutoff.get())) {
              out.submit(line);
            }
          };
      if (options.tailLines().isPresent()) {
        readTail(reader, options.tailLines().getAsLong(), publish);
      } else {
        reader.readInitial(publish);
      }
      while (options.follow() && open()) {
        boolean ended = reader.ended();
        boolean more = reader.readMore(publish);
        if (ended && !more) {
          break; // Read once more after the end was seen, so the last lines are not lost.
        }
        if (!more && cancelled.await(interval.toMillis(), TimeUnit.MILLISECONDS)) {
          break;
        }
      }
      out.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // The provider is closing.
      out.closeExceptionally(
          new ProviderException(ProviderException.Kind.UNAVAILABLE, "the provider closed"));
    } catch (ProviderException | RuntimeException e) {
      out.closeExceptionally(e);
    }
  }

  /** Keeps the newest {@code tail} lines of the initial read, after the cut-off. */
  private static void readTail(LogReader reader, long tail, Consumer<LogLine> publish)
      throws ProviderException {
    ArrayDeque<LogLine> newest = new ArrayDeque<>();
    reader.readInitial(
        line -> {
          newest.addLast(line);
          if (newest.size() > tail) {
            newest.removeFirst();
          }
        });
    newest.forEach(publish);
  }

  private boolean open() {
    return cancelled.getCount() > 0 && out.hasSubscribers();
  }
}
