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
            "its **default** status settings, runs N pods against its emulator; after every pod is Running one\n")
        .append(
            "container is crashed out of band. A fresh provider then starts as a restarted node would\n")
        .append(
            "(first column: how long until it has reported every pod); after 75 s of settling (ACI\n")
        .append(
            "re-reads groups that started less than a minute ago every round) the emulator counts every\n")
        .append("API call for ")
        .append(window.toSeconds())
        .append(" s.\n")
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
            "(`azure-status-calls-per-minute`, `azure-full-refresh`, `fargate-status-interval`) that trade\n")
        .append("calls for detection time.\n");
    return sb.toString();
  }
}
