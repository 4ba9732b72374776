package dev.vk.provider.mock;

import dev.vk.kubelet.types.ContainerRef;
import dev.vk.kubelet.types.LogLine;
import dev.vk.kubelet.types.LogOptions;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.logs.LogPublishers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Flow;

/**
 * Opens container logs ({@code kubectl logs}): picks the run to read, the latest or with {@code
 * previous} the one the status reports as last state, and fails with the kubelet's messages when
 * there is none. Thread-safe; {@link #open} does not block.
 */
final class MockLogs implements AutoCloseable {

  /** How often a follower looks at the clock; lines are a second apart. */
  static final Duration POLL = Duration.ofMillis(100);

  private final ContainerLookup lookup;
  private final Clock clock;
  private final LogPublishers publishers;

  MockLogs(ContainerLookup lookup, Clock clock) {
    this.lookup = lookup;
    this.clock = clock;
    this.publishers = new LogPublishers("mock-provider-logs", POLL, clock);
  }

  /**
   * @throws ProviderException NOT_FOUND for an unknown pod or container, or {@code previous}
   *     without a previous run; INVALID_INPUT for a container that has not started yet
   */
  Flow.Publisher<LogLine> open(ContainerRef ref, LogOptions options) throws ProviderException {
    ContainerLookup.Target target = lookup.container(ref);
    Instant now = clock.instant();
    Optional<ContainerRuns.Run> run =
        options.previous() ? target.runs().previous(now) : target.runs().latest(now);
    if (run.isEmpty() && options.previous()) {
      // A kubelet answers 400 here; the API server would replace a 404's message with its own.
      throw ProviderException.invalid(
          "previous terminated container \""
              + target.name()
              + "\" in pod \""
              + target.podName()
              + "\" not found");
    }
    if (run.isEmpty()) {
      throw ProviderException.invalid(
          "container \""
              + target.name()
              + "\" in pod \""
              + target.podName()
              + "\" is waiting to start: "
              + lookup.waitingReason(target));
    }
    PodRecord pod = target.pod();
    RunLog log = new RunLog(target.name(), run.get());
    return publishers.publisher(
        options, () -> new RunLogReader(log, options, clock, () -> lookup.present(pod)));
  }

  /** Log requests being read now: one per open request until it ends or is cancelled. */
  int running() {
    return publishers.running();
  }

  /** Stops every reader. Does not wait. */
  @Override
  public void close() {
    publishers.close();
  }
}
