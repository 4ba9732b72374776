package dev.vk.benchmarks;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/** Renders the measurements as docs/benchmarks.md. */
final class BenchmarkReport {
  private BenchmarkReport() {}

  static String render(List<StatusCostBenchmark.Row> rows, Duration window) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Benchmarks\n\n");
    sb.append("## Status sync cost (cloud API calls) and crash detection\n\n");
    sb.append("Produced by `make bench` (`mvn -pl benchmarks exec:java`) on ")
        .append(LocalDate.now())
        .append(
            ", on the project's 2-core machine. Each row: the real provider, built by its factory with\n")
        .append(
            "its **default** status settings, runs N pods against its emulator. Once every pod is Running,\n")
        .append(
            "a fresh provider starts as a restarted node would (first column: how long until it has\n")
        .append(
            "reported every pod) and settles for 75 s (ACI re-reads groups that started less than a minute\n")
        .append(
            "ago every round). Then one container it shows healthy is crashed out of band and the emulator\n")
        .append("counts every API call for ")
        .append(window.toSeconds())
        .append(
            " s; \"crash seen after\" is the time until the provider's pushed status shows the exit.\n")
        .append(
            "\"Reference\" is what the Go providers spend on status polling for the same pods (computed from\n")
        .append("their algorithm, see ../shared/reference notes).\n\n");
    sb.append(
        "| provider | pods | a fresh node knows every pod after | steady calls/min (ours) | calls by operation | crash seen after | reference calls/min | reference model |\n");
    sb.append("|---|---|---|---|---|---|---|---|\n");
    for (StatusCostBenchmark.Row r : rows) {
      String ops =
          r.calls().entrySet().stream()
              .map(e -> e.getKey() + " " + e.getValue())
              .collect(Collectors.joining(", "));
      sb.append(
          String.format(
              "| %s | %d | %s | %.1f | %s | %s | %d | %s |%n",
              r.provider(),
              r.pods(),
              r.firstRound(),
              r.callsPerMinute(),
              ops,
              r.exitSeen(),
              r.reference(),
              r.model()));
    }
    sb.append(
            "\nSee docs/providers/azure.md and docs/providers/fargate.md for the cost models and the settings\n")
        .append(
            "(`azure-status-read-share`, `azure-status-calls-per-minute`, `azure-full-refresh`,\n"
                + "`fargate-status-interval`) that trade\n")
        .append("calls for detection time.\n");
    return sb.toString();
  }

  /** The exit-detection section: rows of {@link ExitBudgetBenchmark}; empty without rows. */
  static String renderBudget(List<ExitBudgetBenchmark.Row> rows, Duration window) {
    if (rows.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    sb.append("\n## ACI exit detection under the ARM read budget\n\n");
    sb.append(
            "Produced by `make bench` (these rows alone: `mvn -pl benchmarks exec:java"
                + " -Dvk.bench.only=azure-budget`, or `azure-budget:300` for one) on ")
        .append(LocalDate.now())
        .append(
            ". N steady pods, a tenth with restartPolicy Never, the rest Always, against the ARM\n")
        .append(
            "emulator with ARM's documented read bucket (250 tokens, 25 a second); a fresh provider with\n")
        .append(
            "its default status settings (`azure-status-read-share` 10%, 10 s interval) settles for 75 s,\n")
        .append("then ")
        .append(ExitBudgetBenchmark.VICTIMS)
        .append(" Never and ")
        .append(ExitBudgetBenchmark.VICTIMS)
        .append(
            " Always containers exit at once. Detection: until the pushed status shows the exit;\n")
        .append("reads: every ARM GET (lists and group reads) in the ")
        .append(window.toSeconds())
        .append(" s window.\n\n");
    sb.append(
        "| pods | exit in a Never group seen after (median / max) | exit in an Always group seen after (median / max) | ARM reads/min |\n");
    sb.append("|---|---|---|---|\n");
    for (ExitBudgetBenchmark.Row r : rows) {
      sb.append(
          String.format(
              "| %d | %s | %s | %.0f |%n",
              r.pods(), times(r.never(), window), times(r.always(), window), r.readsPerMinute()));
    }
    return sb.toString();
  }

  private static String times(List<Double> seen, Duration window) {
    List<Double> sorted =
        seen.stream().map(d -> d == null ? Double.MAX_VALUE : d).sorted().toList();
    long missed = seen.stream().filter(d -> d == null).count();
    String median = time(sorted.get(sorted.size() / 2), window);
    String max = time(sorted.get(sorted.size() - 1), window);
    return median
        + " / "
        + max
        + (missed == 0 ? "" : " (" + (seen.size() - missed) + " of " + seen.size() + " seen)");
  }

  private static String time(double seconds, Duration window) {
    return seconds == Double.MAX_VALUE
        ? "> " + window.toSeconds() + " s"
        : String.format("%.0f s", seconds);
  }
}
