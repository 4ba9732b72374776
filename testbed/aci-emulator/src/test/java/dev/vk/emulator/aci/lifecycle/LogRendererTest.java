package dev.vk.emulator.aci.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LogRendererTest {

  private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

  @Test
  @DisplayName("a ticker prints one line per second; tail keeps the newest")
  void tickerTail() {
    Attempt running = new Attempt(START, null, 0, false);
    List<LogRenderer.Line> all =
        LogRenderer.lines(
            "app", Behaviour.tickerBehaviour(), running, START.plusMillis(5500), null, 100);
    assertThat(all)
        .extracting(LogRenderer.Line::text)
        .containsExactly("app tick 1", "app tick 2", "app tick 3", "app tick 4", "app tick 5");
    List<LogRenderer.Line> tail =
        LogRenderer.lines(
            "app", Behaviour.tickerBehaviour(), running, START.plusSeconds(5), 2, 100);
    assertThat(LogRenderer.content(tail, false)).isEqualTo("app tick 4\napp tick 5\n");
  }

  @Test
  @DisplayName("timestamps=true prefixes each line with its RFC 3339 time")
  void timestamps() {
    Attempt running = new Attempt(START, null, 0, false);
    List<LogRenderer.Line> lines =
        LogRenderer.lines(
            "app", Behaviour.tickerBehaviour(), running, START.plusSeconds(1), null, 100);
    assertThat(LogRenderer.content(lines, true)).isEqualTo("2025-01-01T00:00:01Z app tick 1\n");
  }

  @Test
  @DisplayName("a script prints its echoes when reached; a killed run prints nothing after its end")
  void scriptStopsAtEnd() {
    Behaviour script = BehaviourParser.parseScript("echo one; sleep 10; echo two").orElseThrow();
    Attempt killed = new Attempt(START, START.plusSeconds(5), 137, true);
    assertThat(LogRenderer.lines("c", script, killed, START.plusSeconds(60), null, 100))
        .extracting(LogRenderer.Line::text)
        .containsExactly("one");
    Attempt finished = new Attempt(START, START.plusSeconds(10), 0, false);
    assertThat(LogRenderer.lines("c", script, finished, START.plusSeconds(60), null, 100))
        .extracting(LogRenderer.Line::text)
        .containsExactly("one", "two");
  }

  @Test
  @DisplayName("the line cap bounds output like ACI's log size limit")
  void capped() {
    Attempt running = new Attempt(START, null, 0, false);
    assertThat(
            LogRenderer.lines(
                "app", Behaviour.tickerBehaviour(), running, START.plusSeconds(1000), null, 3))
        .extracting(LogRenderer.Line::text)
        .containsExactly("app tick 998", "app tick 999", "app tick 1000");
  }
}
