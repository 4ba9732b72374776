package dev.vk.benchmarks.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Renders the node benchmark's results as the "Node footprint vs the Go reference" section of
 * docs/benchmarks.md (replacing the section between its markers, keeping the rest of the file).
 */
public final class NodeReport {
  static final String START = "<!-- node-benchmark:start -->";
  static final String END = "<!-- node-benchmark:end -->";

  /** One compared quantity: how to read it from a run, and its target. */
  private record Metric(
      String name,
      String unit,
      ToDoubleFunction<NodeRun.Result> value,
      Target target,
      MissReasons.Why why) {
    Metric(String name, String unit, ToDoubleFunction<NodeRun.Result> value, Target target) {
      this(name, unit, value, target, null);
    }
  }

  /** A target on the Java median, given the Go median (NaN when Go was not run). */
  private interface Target {
    String text();

    /** "met" or how far it misses. */
    String check(double java, double go);
  }

  private static Target ratio(double max) {
    return new Target() {
      public String text() {
        return "<= " + max + "x Go";
      }

      public String check(double java, double go) {
        if (Double.isNaN(go)) {
          return "no Go run";
        }
        double r = java / go;
        return r <= max ? "met" : String.format("missed by %.2fx", r / max);
      }
    };
  }

  private static Target absolute(double max, String unit) {
    return new Target() {
      public String text() {
        return "<= " + fmt(max) + " " + unit;
      }

      public String check(double java, double go) {
        return java <= max ? "met" : "missed by " + fmt(java - max) + " " + unit;
      }
    };
  }

  private static final Target NONE =
      new Target() {
        public String text() {
          return "-";
        }

        public String check(double java, double go) {
          return "-";
        }
      };

  private static List<Metric> metrics(int pods) {
    List<Metric> m = new ArrayList<>();
    m.add(new Metric("time to all Running", "s", NodeRun.Result::toRunning, ratio(0.5)));
    m.add(new Metric("time to all gone", "s", NodeRun.Result::toGone, ratio(0.5)));
    m.add(
        new Metric(
            "last bind -> all Running",
            "s",
            NodeRun.Result::lastBindToRunning,
            pods == 1000 ? absolute(1.0, "s") : NONE));
    m.add(new Metric("bind -> Running p50", "s", NodeRun.Result::p50, NONE));
    m.add(new Metric("bind -> Running p99", "s", NodeRun.Result::p99, NONE));
    m.add(new Metric("RSS idle", "MiB", NodeRun.Result::rssIdle, NONE));
    m.add(
        new Metric(
            "RSS at N",
            "MiB",
            NodeRun.Result::rssAtN,
            pods >= 5000 ? absolute(400, "MiB") : pods == 1000 ? ratio(1.5) : NONE));
    m.add(
        new Metric(
            "RSS peak",
            "MiB",
            NodeRun.Result::rssPeak,
            pods >= 5000 ? absolute(NodeLauncher.CONTAINER_MIB, "MiB") : NONE));
    m.add(new Metric("CPU start -> Ready", "s", NodeRun.Result::cpuStartup, NONE));
    m.add(new Metric("CPU idle 10 s", "s", NodeRun.Result::cpuIdle, NONE));
    m.add(
        new Metric(
            "CPU per created pod",
            "ms",
            r -> r.cpuCreate() * 1000 / r.pods(),
            ratio(1.5),
            pods < 1000 ? MissReasons.WARM_UP : null));
    m.add(new Metric("CPU per deleted pod", "ms", r -> r.cpuDelete() * 1000 / r.pods(), NONE));
    m.add(
        new Metric(
            "process start -> Ready", "s", NodeRun.Result::startToReady, absolute(1.0, "s")));
    m.add(
        new Metric(
            "API calls per created pod",
            "",
            NodeRun.Result::callsPerPod,
            ratio(1.0),
            MissReasons.EVENTS));
    m.add(new Metric("API reads while creating", "", r -> r.createReads(), absolute(0, "reads")));
    m.add(new Metric("error lines in the node log", "", r -> r.errors(), absolute(0, "lines")));
    return m;
  }

  static String render(List<NodeRun.Result> results, String command, String machine) {
    StringBuilder sb =
        new StringBuilder(START).append("\n## Node footprint vs the Go reference\n\n");
    sb.append("Produced on ").append(LocalDate.now()).append(" by\n\n```\n").append(command);
    sb.append("\n```\n\n").append(machine).append("\n\n");
    sb.append(
        "Each cell: median of the repetitions (min in parentheses). Ratio: Java median / Go"
            + " median (Java min / Go min). Plots: bench-time-to-running.png, bench-rss.png,"
            + " bench-cpu-per-pod.png in this directory.\n");
    Map<Integer, List<NodeRun.Result>> byN =
        results.stream()
            .filter(r -> r.node().equals("java") || r.node().equals("go"))
            .collect(
                Collectors.groupingBy(NodeRun.Result::pods, TreeMap::new, Collectors.toList()));
    for (var e : byN.entrySet()) {
      int n = e.getKey();
      List<NodeRun.Result> java =
          e.getValue().stream().filter(r -> r.node().equals("java")).toList();
      List<NodeRun.Result> go = e.getValue().stream().filter(r -> r.node().equals("go")).toList();
      sb.append("\n### ").append(n).append(" pods (Java runs: ").append(java.size());
      sb.append(", Go runs: ").append(go.size()).append(")\n\n");
      sb.append("| metric | Java | Go | ratio | target | result |\n|---|---|---|---|---|---|\n");
      for (Metric m : metrics(n)) {
        double jm = median(java, m.value()), gm = median(go, m.value());
        double jn = min(java, m.value()), gn = min(go, m.value());
        String ratio =
            Double.isNaN(gm) || gm == 0 ? "-" : String.format("%.2f (%.2f)", jm / gm, jn / gn);
        sb.append(
            String.format(
                "| %s%s | %s | %s | %s | %s | %s |%n",
                m.name(),
                m.unit().isEmpty() ? "" : " (" + m.unit() + ")",
                cell(jm, jn),
                go.isEmpty() ? "not run in this session" : cell(gm, gn),
                ratio,
                m.target().text(),
                java.isEmpty()
                    ? "-"
                    : MissReasons.add(m.target().check(jm, gm), m.why(), java, go)));
      }
      sb.append("\nAPI calls by verb and resource, whole run (first repetition):\n\n");
      for (List<NodeRun.Result> rs : List.of(java, go)) {
        if (!rs.isEmpty()) {
          sb.append("- ").append(rs.get(0).node()).append(": ");
          sb.append(
              rs.get(0).allCalls().isEmpty()
                  ? "(no audit log)"
                  : rs.get(0).allCalls().entrySet().stream()
                      .map(c -> c.getKey() + " " + c.getValue())
                      .collect(Collectors.joining(", ")));
          sb.append("\n");
        }
      }
    }
    sb.append(
        "\nPod counts missing above were not run in this session. The 5,000-pod run (all Running,"
            + " RSS peak under the chart's 512Mi limit, 0 errors): `make bench-node"
            + " BENCH_N=5000:java BENCH_REPEAT=1`; the Go node at 5,000 (very slow to create and"
            + " delete): `BENCH_N=5000:go`. The Go binary is built once by"
            + " benchmarks/reference/build.sh (`go install` of cmd/virtual-kubelet@v1.13.0 from the"
            + " module proxy, cached in ~/.cache/vk-testbed/bin). Every run is kept in"
            + " benchmarks/results/node-runs.json; this section is rendered from it.\n");
    sb.append(CloudReport.render(results));
    return sb.append("\n").append(END).append("\n").toString();
  }

  /**
   * The node section of {@code doc} with its markers and trailing newline, or "" when it has none.
   * Idempotent; blocks on reading the file.
   */
  public static String section(Path doc) {
    try {
      String text = Files.isRegularFile(doc) ? Files.readString(doc) : "";
      int s = text.indexOf(START);
      int e = text.indexOf(END);
      return s >= 0 && e > s ? text.substring(s, e + END.length()) + "\n" : "";
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /** Puts {@code section} into {@code doc} in place of an earlier one, or appends it. */
  static void splice(Path doc, String section) {
    try {
      String text = Files.isRegularFile(doc) ? Files.readString(doc) : "# Benchmarks\n";
      int s = text.indexOf(START);
      int e = text.indexOf(END);
      String out =
          s >= 0 && e > s
              ? text.substring(0, s) + section + text.substring(e + END.length() + 1)
              : text + (text.endsWith("\n") ? "\n" : "\n\n") + section;
      Files.writeString(doc, out);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  private static String cell(double median, double min) {
    return Double.isNaN(median) ? "-" : String.format("%s (%s)", fmt(median), fmt(min));
  }

  static String fmt(double v) {
    return Math.abs(v) >= 100 || v == Math.rint(v)
        ? String.format("%.0f", v)
        : String.format("%.3g", v);
  }

  static double median(List<NodeRun.Result> rs, ToDoubleFunction<NodeRun.Result> f) {
    double[] v = rs.stream().mapToDouble(f).sorted().toArray();
    return v.length == 0
        ? Double.NaN
        : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  private static double min(List<NodeRun.Result> rs, ToDoubleFunction<NodeRun.Result> f) {
    return rs.stream().mapToDouble(f).min().orElse(Double.NaN);
  }

  /** The pod counts present, for the plots. */
  static TreeSet<Integer> counts(List<NodeRun.Result> results) {
    return results.stream()
        .map(NodeRun.Result::pods)
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
