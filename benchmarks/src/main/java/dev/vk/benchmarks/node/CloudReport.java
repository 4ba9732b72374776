package dev.vk.benchmarks.node;

import static dev.vk.benchmarks.node.CloudTargets.atMost;
import static dev.vk.benchmarks.node.CloudTargets.cpuPerPod;
import static dev.vk.benchmarks.node.CloudTargets.none;
import static dev.vk.benchmarks.node.CloudTargets.notGrowing;
import static dev.vk.benchmarks.node.CloudTargets.rssAtN;
import static dev.vk.benchmarks.node.CloudTargets.steadyCap;
import static dev.vk.benchmarks.node.CloudTargets.vsMock;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Renders the cloud provider runs (node kinds {@code aci} and {@code fargate}) as one table per
 * provider and pod count, each row against the mock Java node of the same pod count, for the node
 * section of docs/benchmarks.md.
 */
final class CloudReport {
  /** A cloud node kind and its heading. */
  private record Cloud(String kind, String title) {}

  private static final List<Cloud> CLOUDS =
      List.of(new Cloud("aci", "ACI provider"), new Cloud("fargate", "Fargate provider"));

  /** The provider-default create rate (pods a second) both cloud providers allow themselves. */
  private static final double CREATE_RATE = 10;

  private record Row(
      String name,
      String unit,
      ToDoubleFunction<NodeRun.Result> value,
      CloudTargets.Target t,
      MissReasons.Why why) {
    Row(String name, String unit, ToDoubleFunction<NodeRun.Result> value, CloudTargets.Target t) {
      this(name, unit, value, t, null);
    }
  }

  private CloudReport() {}

  /** The cloud subsections for the runs in {@code results}, or "" when there are none. */
  static String render(List<NodeRun.Result> results) {
    StringBuilder sb = new StringBuilder();
    for (Cloud c : CLOUDS) {
      TreeSet<Integer> counts =
          results.stream()
              .filter(r -> r.node().equals(c.kind()))
              .map(NodeRun.Result::pods)
              .collect(Collectors.toCollection(TreeSet::new));
      for (int n : counts) {
        sb.append(table(c, n, results));
      }
    }
    return sb.isEmpty() ? "" : intro() + sb;
  }

  private static String intro() {
    return "\n## Cloud providers against their emulators\n\n"
        + "The Java node with the azure (ACI) or fargate provider, each against its emulator"
        + " started in the benchmark JVM on loopback (testbed/aci-emulator, testbed/ecs-emulator,"
        + " reached as the E2E tests reach them: the emulator's endpoints, static credentials and,"
        + " for ARM, its CA file), a fresh emulator per run, warmed before the node starts (40"
        + " rounds of the requests a start makes, on new connections: a cold emulator's JIT shared"
        + " the node's cores as it started; its calls are not counted), same control plane, JVM"
        + " options and"
        + " Deployment as above, the class archive the provider's own (image/classes/azure.lst,"
        + " image/classes/fargate.lst); the container also names `command: [/pause]`, so the azure"
        + " provider needs no registry to read the entrypoint. Every provider setting is its"
        + " default (docs/providers/azure.md, docs/providers/fargate.md) except the endpoints,"
        + " credentials and, for ACI, VNet mode (`subnet-ids`) and the cluster DNS (`cluster-dns`"
        + " 10.0.0.10, the kube-dns address), as AKS virtual nodes run; a run"
        + " that changed a setting says so under its table. Emulated"
        + " container start, realistic in order but fast: ACI create to Running 1 s (0.5 s"
        + " Pending, 0.5 s Creating; real ACI takes tens of seconds), Fargate RunTask to RUNNING"
        + " about 1 s (PROVISIONING 0.3 s, PENDING 0.5 s, ACTIVATING 0.2 s; real Fargate 30-60 s)."
        + " No Go column: the Go reference's azure-aci and aws-fargate providers need the real"
        + " clouds (their SDKs take no emulator endpoint and CA here), so each row is compared with"
        + " the mock Java node of the same pod count. Cloud calls are the emulator's own counters:"
        + " per created pod from the Deployment's creation until all pods are Running; per minute"
        + " in a window with all pods Running and nothing changing (ACI: 60 s; Fargate: three"
        + " status intervals, 75 s, from just before a ListTasks listing begins, so it holds three"
        + " whole listings), after the provider's settle"
        + " rounds (ACI: the default settle-time 1 min plus two status rounds; Fargate: two"
        + " transition rounds). Both providers create at most "
        + NodeReport.fmt(CREATE_RATE)
        + " pods a second by default (ACI: `requests-per-second`, the ARM rate of each of ARM's"
        + " buckets, so also of deletes, each a bucket that may send a second's worth at once after"
        + " a pause; Fargate: `run-task-rate`), so N pods take about N/10 s to create: a time target"
        + " missed by about that much is the providers' rate limit, not the node.\n";
  }

  private static String table(Cloud c, int n, List<NodeRun.Result> results) {
    List<NodeRun.Result> cloud = of(results, c.kind(), n);
    List<NodeRun.Result> mock = of(results, "java", n);
    List<NodeRun.Result> at1000 = of(results, c.kind(), 1000);
    StringBuilder sb = new StringBuilder("\n### ").append(c.title()).append(", ").append(n);
    sb.append(" pods (runs: ").append(cloud.size()).append(", mock Java runs: ");
    sb.append(mock.size()).append(")\n\n");
    sb.append("| metric | ").append(c.kind()).append(" | mock Java | ratio | target | result |\n");
    sb.append("|---|---|---|---|---|---|\n");
    for (Row r : rows(c, cloud.get(0).steadyMinutes() * 60)) {
      double v = NodeReport.median(cloud, r.value());
      double m = NodeReport.median(mock, r.value());
      CloudTargets.Seen seen =
          new CloudTargets.Seen(n, v, m, NodeReport.median(at1000, r.value()), createRate(cloud));
      sb.append(
          String.format(
              "| %s%s | %s | %s | %s | %s | %s |%n",
              r.name(),
              r.unit().isEmpty() ? "" : " (" + r.unit() + ")",
              Double.isNaN(v) ? "-" : NodeReport.fmt(v),
              mock.isEmpty() || Double.isNaN(m) ? "-" : NodeReport.fmt(m),
              Double.isNaN(v) || Double.isNaN(m) || m == 0 ? "-" : String.format("%.2f", v / m),
              r.t().text(n),
              Double.isNaN(v)
                  ? "not measured"
                  : MissReasons.add(r.t().check(seen), r.why(), cloud, mock)));
    }
    NodeRun.Result first = cloud.get(0);
    if (first.cloudTuned() != null) {
      sb.append("\nProvider settings changed from their defaults in this run: ");
      sb.append(
          first.cloudTuned().entrySet().stream()
              .map(e -> "`" + e.getKey() + " " + e.getValue() + "`")
              .collect(Collectors.joining(", ")));
      sb.append(".\n");
    }
    sb.append("\nCloud calls by operation (first run): while creating, per created pod: ");
    sb.append(perPod(first.cloudCreateCalls(), n)).append("; steady, per minute: ");
    sb.append(join(first.cloudSteadyPerMinute())).append("; whole run: ");
    sb.append(join(first.cloudAllCalls())).append(".\n");
    return sb.toString();
  }

  private static List<Row> rows(Cloud c, double window) {
    List<Row> rows = new ArrayList<>();
    rows.add(new Row("time to all Running", "s", NodeRun.Result::toRunning, vsMock(1.0, true)));
    rows.add(
        new Row(
            "time to all gone",
            "s",
            NodeRun.Result::toGone,
            vsMock(1.0, c.kind().equals("aci")),
            c.kind().equals("fargate") ? MissReasons.TASK_STOP : null));
    rows.add(new Row("bind -> Running p50", "s", NodeRun.Result::p50, none()));
    rows.add(new Row("bind -> Running p99", "s", NodeRun.Result::p99, none()));
    rows.add(new Row("RSS idle", "MiB", NodeRun.Result::rssIdle, none()));
    rows.add(new Row("RSS at N", "MiB", NodeRun.Result::rssAtN, rssAtN(), MissReasons.IDLE));
    rows.add(
        new Row(
            "RSS peak", "MiB", NodeRun.Result::rssPeak, atMost(NodeLauncher.CONTAINER_MIB, "MiB")));
    rows.add(
        new Row(
            "CPU per created pod",
            "ms",
            r -> r.cpuCreate() * 1000 / r.pods(),
            cpuPerPod(),
            MissReasons.CLOUD_CALLS));
    rows.add(new Row("CPU per deleted pod", "ms", r -> r.cpuDelete() * 1000 / r.pods(), none()));
    rows.add(
        new Row(
            "CPU in the steady window",
            "ms/min",
            r ->
                r.cloudSteadyPerMinute() == null
                    ? Double.NaN
                    : r.cpuSteady() * 1000 / r.steadyMinutes(),
            none()));
    rows.add(
        new Row(
            "process start -> Ready",
            "s",
            NodeRun.Result::startToReady,
            atMost(1, "s"),
            MissReasons.SDK_START));
    rows.add(
        new Row(
            "API calls per created pod",
            "",
            // No audit events for a run: its audit log was rotated or off, not zero calls.
            r -> r.createCalls().isEmpty() ? Double.NaN : r.callsPerPod(),
            vsMock(1.0, false),
            MissReasons.API_WRITES));
    rows.add(
        new Row(
            "cloud calls per created pod",
            "",
            r ->
                r.cloudCreateCalls() == null
                    ? Double.NaN
                    : CloudCalls.total(r.cloudCreateCalls()) / r.pods(),
            notGrowing()));
    rows.add(
        new Row(
            "cloud calls per minute, steady",
            "",
            r ->
                r.cloudSteadyPerMinute() == null
                    ? Double.NaN
                    : CloudCalls.total(r.cloudSteadyPerMinute()),
            steadyCap(c.kind(), window)));
    rows.add(new Row("error lines in the node log", "", r -> r.errors(), atMost(0, "lines")));
    return rows;
  }

  /** The create rate the runs' provider allowed: a changed rate setting, else the default. */
  private static double createRate(List<NodeRun.Result> runs) {
    Map<String, String> tuned = runs.get(0).cloudTuned();
    if (tuned != null) {
      for (String rate : List.of("requests-per-second", "run-task-rate")) {
        if (tuned.containsKey(rate)) {
          return Double.parseDouble(tuned.get(rate));
        }
      }
    }
    return CREATE_RATE;
  }

  private static List<NodeRun.Result> of(List<NodeRun.Result> results, String kind, int pods) {
    return results.stream().filter(r -> r.node().equals(kind) && r.pods() == pods).toList();
  }

  private static String perPod(Map<String, Integer> calls, int pods) {
    return calls == null || calls.isEmpty()
        ? "none"
        : calls.entrySet().stream()
            .map(e -> e.getKey() + " " + NodeReport.fmt(e.getValue() / (double) pods))
            .collect(Collectors.joining(", "));
  }

  private static String join(Map<String, ? extends Number> calls) {
    return calls == null || calls.isEmpty()
        ? "none"
        : calls.entrySet().stream()
            .map(e -> e.getKey() + " " + NodeReport.fmt(e.getValue().doubleValue()))
            .collect(Collectors.joining(", "));
  }
}
