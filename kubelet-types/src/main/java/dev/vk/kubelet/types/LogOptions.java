package dev.vk.kubelet.types;

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
  public static final LogOptions NEW_LINES = DEFAULTS.tail(0).following();

  public LogOptions {
    Objects.requireNonNull(tailLines, "tailLines");
    Objects.requireNonNull(limitBytes, "limitBytes");
    Objects.requireNonNull(sinceSeconds, "sinceSeconds");
    Objects.requireNonNull(sinceTime, "sinceTime");
  }

  /** These options with {@code tailLines}. */
  public LogOptions tail(long lines) {
    return new LogOptions(
        OptionalLong.of(lines), limitBytes, sinceSeconds, sinceTime, timestamps, follow, previous);
  }

  /** These options with {@code sinceSeconds} (and no {@code sinceTime}). */
  public LogOptions since(Duration ago) {
    return new LogOptions(
        tailLines,
        limitBytes,
        OptionalLong.of(ago.toSeconds()),
        Optional.empty(),
        timestamps,
        follow,
        previous);
  }

  /** These options with {@code sinceTime} (and no {@code sinceSeconds}). */
  public LogOptions since(Instant time) {
    return new LogOptions(
        tailLines,
        limitBytes,
        OptionalLong.empty(),
        Optional.of(time),
        timestamps,
        follow,
        previous);
  }

  /** These options with {@code follow}. */
  public LogOptions following() {
    return new LogOptions(
        tailLines, limitBytes, sinceSeconds, sinceTime, timestamps, true, previous);
  }

  /** These options reading the previous run ({@code previous}). */
  public LogOptions previousRun() {
    return new LogOptions(tailLines, limitBytes, sinceSeconds, sinceTime, timestamps, follow, true);
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
