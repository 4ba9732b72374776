package dev.vk.provider.aci.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.kubelet.types.LogLine;
import dev.vk.kubelet.types.LogOptions;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Flow;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * {@code kubectl logs --since}/{@code --since-time} on ACI's log, which always comes whole: lines
 * before the cut-off are skipped, lines at or after it are kept, also while following.
 */
class LogFollowerTest {

  private static final Instant NOW = Instant.parse("2026-01-01T10:00:10Z");
  private static final String LOG =
      "2026-01-01T10:00:00.000000000Z booting\n"
          + "2026-01-01T10:00:05.000000000Z ready\n"
          + "2026-01-01T10:00:05.000000000Z serving\n"
          + "2026-01-01T10:00:09.500000000Z request 1\n";

  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final Lines lines = new Lines();

  @Test
  void sinceTimeKeepsLinesAtOrAfterIt() throws Exception {
    follower(() -> LOG, since(Instant.parse("2026-01-01T10:00:05Z"))).readNew();

    assertThat(lines.texts()).containsExactly("ready", "serving", "request 1");
  }

  @Test
  void sinceSecondsCountsBackFromNow() throws Exception {
    LogOptions threeSeconds = LogOptions.DEFAULTS.since(Duration.ofSeconds(3));

    follower(() -> LOG, threeSeconds.cutoff(clock.instant())).readNew();

    assertThat(lines.texts()).containsExactly("request 1");
  }

  @Test
  void withoutSinceEveryLineIsKeptWithItsTimestamp() throws Exception {
    follower(() -> LOG, Optional.empty()).readNew();

    assertThat(lines.texts()).containsExactly("booting", "ready", "serving", "request 1");
    assertThat(lines.lines.get(3).timestamp()).isEqualTo(Instant.parse("2026-01-01T10:00:09.5Z"));
  }

  @Test
  void followingWithSinceEmitsNewLinesOnceAndNeverOldOnes() throws Exception {
    StringBuilder log = new StringBuilder(LOG);
    LogFollower follower = follower(log::toString, since(Instant.parse("2026-01-01T10:00:09Z")));

    follower.readNew();
    log.append("2026-01-01T10:00:11.000000000Z request 2\n");
    follower.readNew();
    follower.readNew();

    assertThat(lines.texts()).containsExactly("request 1", "request 2");
  }

  /** Every read returns the whole current log, as ACI's List Logs does. */
  private LogFollower follower(Supplier<String> log, Optional<Instant> cutoff) {
    LogStream stream = new LogStream(lines);
    lines.onSubscribe(stream);
    return new LogFollower(stream, first -> log.get(), cutoff, clock);
  }

  private static Optional<Instant> since(Instant time) {
    return LogOptions.DEFAULTS.since(time).cutoff(NOW);
  }

  /** What the client receives. */
  private static final class Lines implements Flow.Subscriber<LogLine> {
    final List<LogLine> lines = new ArrayList<>();

    @Override
    public void onSubscribe(Flow.Subscription s) {
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(LogLine line) {
      lines.add(line);
    }

    @Override
    public void onError(Throwable t) {}

    @Override
    public void onComplete() {}

    List<String> texts() {
      return lines.stream()
          .map(l -> new String(l.content(), StandardCharsets.UTF_8).strip())
          .toList();
    }
  }
}
