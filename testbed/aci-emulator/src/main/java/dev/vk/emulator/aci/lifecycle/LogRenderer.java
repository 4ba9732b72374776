package dev.vk.emulator.aci.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders what a container printed during its latest run, as ACI's List Logs returns it: only the
 * current (or last) run, newest {@code tail} lines, optional RFC 3339 timestamp prefix. Lines are
 * computed from the behaviour and the clock, never stored.
 */
public final class LogRenderer {

  private static final Duration TICK = Duration.ofSeconds(1);

  private LogRenderer() {}

  /** One printed line. */
  public record Line(Instant at, String text) {}

  /**
   * The lines of {@code attempt} printed up to {@code now}.
   *
   * @param tail newest lines to keep, or null for all (bounded by {@code maxLines})
   */
  public static List<Line> lines(
      String container,
      Behaviour behaviour,
      Attempt attempt,
      Instant now,
      Integer tail,
      int maxLines) {
    if (attempt == null) {
      return List.of();
    }
    Instant until = attempt.running() || attempt.end().isAfter(now) ? now : attempt.end();
    int limit = tail == null ? maxLines : Math.max(0, Math.min(tail, maxLines));
    List<Line> lines =
        behaviour.ticker()
            ? tickerLines(container, attempt.start(), until, limit)
            : scriptLines(behaviour, attempt.start(), until);
    return lines.subList(Math.max(0, lines.size() - limit), lines.size());
  }

  /** Joins lines into List Logs' {@code content}, each prefixed with its time when asked. */
  public static String content(List<Line> lines, boolean timestamps) {
    StringBuilder out = new StringBuilder();
    for (Line line : lines) {
      if (timestamps) {
        out.append(DateTimeFormatter.ISO_INSTANT.format(line.at())).append(' ');
      }
      out.append(line.text()).append('\n');
    }
    return out.toString();
  }

  private static List<Line> tickerLines(String container, Instant start, Instant until, int limit) {
    long count = Duration.between(start, until).dividedBy(TICK);
    List<Line> lines = new ArrayList<>();
    for (long k = Math.max(1, count - limit + 1); k <= count; k++) {
      lines.add(new Line(start.plus(TICK.multipliedBy(k)), container + " tick " + k));
    }
    return lines;
  }

  private static List<Line> scriptLines(Behaviour behaviour, Instant start, Instant until) {
    List<Line> lines = new ArrayList<>();
    Instant at = start;
    for (Behaviour.Step step : behaviour.steps()) {
      if (at.isAfter(until) || step instanceof Behaviour.Exit) {
        break;
      }
      if (step instanceof Behaviour.Echo echo) {
        lines.add(new Line(at, echo.text()));
      } else if (step instanceof Behaviour.Sleep sleep) {
        at = at.plus(sleep.duration());
      }
    }
    return lines;
  }
}
