package dev.vk.provider.aci.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.kubelet.types.LogLine;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Following ACI's log, which always comes whole: each read emits only the lines not emitted before,
 * including lines that share a timestamp.
 */
class LogFollowerTest {

  private static final Instant NOW = Instant.parse("2026-01-01T10:00:10Z");
  private static final String LOG =
      "2026-01-01T10:00:00.000000000Z booting\n"
          + "2026-01-01T10:00:05.000000000Z ready\n"
          + "2026-01-01T10:00:05.000000000Z serving\n"
          + "2026-01-01T10:00:09.500000000Z request 1\n";

  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final List<LogLine> lines = new ArrayList<>();

  @Test
  void theFirstReadEmitsEveryLineWithItsTimestamp() throws Exception {
    follower(() -> LOG).readInitial(lines::add);

    assertThat(texts()).containsExactly("booting", "ready", "serving", "request 1");
    assertThat(lines.get(3).timestamp()).isEqualTo(Instant.parse("2026-01-01T10:00:09.5Z"));
  }

  @Test
  void laterReadsEmitNewLinesOnceAndSayWhetherThereWereAny() throws Exception {
    StringBuilder log = new StringBuilder(LOG);
    LogFollower follower = follower(log::toString);
    follower.readInitial(lines::add);

    log.append("2026-01-01T10:00:09.500000000Z request 2\n");
    boolean first = follower.readMore(lines::add);
    boolean second = follower.readMore(lines::add);

    assertThat(first).isTrue();
    assertThat(second).isFalse();
    assertThat(texts()).endsWith("request 1", "request 2").hasSize(5);
  }

  /** Every read returns the whole current log, as ACI's List Logs does. */
  private LogFollower follower(Supplier<String> log) {
    return new LogFollower(first -> log.get(), () -> false, clock);
  }

  private List<String> texts() {
    return lines.stream()
        .map(l -> new String(l.content(), StandardCharsets.UTF_8).strip())
        .toList();
  }
}
