package dev.vk.kubeletapi.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The kubelet's container log query, already validated: {@code tailLines >= 0}, {@code limitBytes
 * >= 1}, {@code sinceSeconds >= 1}, and at most one of {@code sinceSeconds} and {@code sinceTime}.
 *
 * <p>The {@link ContainerLogs} publisher applies {@code tailLines}, the "since" cut-off, {@code
 * previous} and {@code follow}. The server applies {@code timestamps} (the prefix) and {@code
 * limitBytes} (truncation) itself, so a publisher may ignore those two or use them only as hints.
 */
public record LogOptions(
    OptionalLong tailLines,
    OptionalLong limitBytes,
    OptionalLong sinceSeconds,
    Optional<Instant> sinceTime,
    boolean timestamps,
    boolean follow,
    boolean previous) {

  /** Everything the container logged, once, without timestamps. */
  public static final LogOptions DEFAULTS =
      new LogOptions(
          OptionalLong.empty(),
          OptionalLong.empty(),
          OptionalLong.empty(),
          Optional.empty(),
          false,
          false,
          false);

  /** Follow with {@code tailLines=0}: only what is written from now on, as attach shows it. */
  public static final LogOptions NEW_LINES =
      new LogOptions(
          OptionalLong.of(0),
          OptionalLong.empty(),
          OptionalLong.empty(),
          Optional.empty(),
          false,
          true,
          false);

  public LogOptions {
    Objects.requireNonNull(tailLines, "tailLines");
    Objects.requireNonNull(limitBytes, "limitBytes");
    Objects.requireNonNull(sinceSeconds, "sinceSeconds");
    Objects.requireNonNull(sinceTime, "sinceTime");
  }

  /**
   * The instant before which lines are skipped, if any: {@code sinceTime}, or {@code now} minus
   * {@code sinceSeconds}.
   */
  public Optional<Instant> cutoff(Instant now) {
    if (sinceSeconds.isPresent()) {
      return Optional.of(now.minus(Duration.ofSeconds(sinceSeconds.getAsLong())));
    }
    return sinceTime;
  }
}
