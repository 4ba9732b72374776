package dev.vk.benchmarks.node;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.vk.testbed.cluster.ControlPlane;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Java node against the Go virtual-kubelet v1.13.0 (both with the mock provider) on one real
 * control plane in netns {@code vk-bench}: each node alone, alternately, for every pod count and
 * repetition. Writes benchmarks/results/node-runs.json (every run so far; a new run of a node and
 * pod count replaces the earlier ones), the "Node footprint vs the Go reference" section of
 * docs/benchmarks.md and docs/bench-*.png.
 *
 * <p>System properties: {@code vk.bench.n} pod counts, each optionally {@code :java} or {@code :go}
 * to run one node only, or {@code :aci} or {@code :fargate} for the Java node with that cloud
 * provider against its emulator in this JVM (default {@code 100,1000}: java and go; empty: only
 * re-render the report from the stored runs); {@code vk.bench.repeat} (default 3); {@code
 * vk.bench.go} path of the Go binary (default: what benchmarks/reference/build.sh prints); {@code
 * vk.bench.netns} and {@code vk.bench.subnet} (default {@code vk-bench}, {@code 10.249.0}); {@code
 * vk.bench.results} the runs file; {@code vk.bench.aci.settings}, {@code vk.bench.fargate.settings}
 * provider settings changed from their defaults (see {@link NodeCloud#tuned}). {@code
 * vk.bench.record} {@code false}: print the runs only, neither store them nor rewrite the report;
 * {@code vk.bench.warmup} pods each Java node runs and deletes before it is measured (default 0;
 * only with {@code vk.bench.record=false}: see {@link JitWarmUp}). Needs root. API calls are
 * counted from the audit log {@code <state>/logs/audit.log} when the API server writes one (make
 * bench turns it on).
 */
public final class NodeBenchmark {
  // Another netns and subnet let two benchmarks (or a benchmark and the E2E tests) run at once.
  private static final String NETNS = System.getProperty("vk.bench.netns", "vk-bench");
  private static final String SUBNET = System.getProperty("vk.bench.subnet", "10.249.0");
  private static final int JAVA_PORT = 10350;
  private static final int GO_PORT = 10351;
  private static final int CLOUD_PORT = 10352;

  private static final List<String> KINDS = List.of("java", "go", "aci", "fargate");

  private NodeBenchmark() {}

  /** One pod count and the nodes to run at it: java, go, aci, fargate. */
  private record Plan(int pods, List<String> kinds) {}

  /** One run of node {@code kind}; a cloud kind gets its own fresh emulator. */
  private static NodeRun.Result run(
      NodeRun run, ControlPlane cluster, String kind, int pods, Path goBinary, Path state)
      throws InterruptedException {
    String name = "bench-" + kind;
    Path dir = state.resolve("run/" + kind);
    switch (kind) {
      case "java" -> {
        return run.run(kind, pods, () -> NodeLauncher.java(cluster, name, JAVA_PORT, dir));
      }
      case "go" -> {
        return run.run(kind, pods, () -> NodeLauncher.go(cluster, goBinary, name, GO_PORT, dir));
      }
      default -> {
        try (NodeCloud cloud =
            kind.equals("aci") ? AciNodeCloud.start() : FargateNodeCloud.start()) {
          return run.run(
              kind,
              pods,
              () -> NodeLauncher.java(cluster, name, CLOUD_PORT, dir, cloud.nodeSettings()),
              cloud);
        }
      }
    }
  }

  public static void main(String[] args) throws Exception {
    Path repo = ControlPlane.repoRoot();
    List<Plan> plans = plans(System.getProperty("vk.bench.n", "100,1000"));
    int repeat = Integer.getInteger("vk.bench.repeat", 3);
    boolean record = Boolean.parseBoolean(System.getProperty("vk.bench.record", "true"));
    int warmUp = Integer.getInteger("vk.bench.warmup", 0);
    if (warmUp > 0 && record) {
      throw new IllegalArgumentException(
          "vk.bench.warmup (BENCH_WARMUP) needs vk.bench.record=false (BENCH_RECORD=false): runs of a"
              + " warmed node are not comparable with the stored runs of fresh ones");
    }
    Path goBinary = plans.stream().anyMatch(p -> p.kinds().contains("go")) ? goBinary(repo) : null;
    Path state = Path.of(System.getProperty("vk.bench.state", repo.resolve(".bench").toString()));
    // Another file lets two invocations run at once; their runs are merged into the default one.
    Path resultsFile =
        Path.of(
            System.getProperty(
                "vk.bench.results", repo.resolve("benchmarks/results/node-runs.json").toString()));
    List<NodeRun.Result> results = load(resultsFile);
    if (plans.isEmpty()) { // re-render the report from the stored runs
      write(repo, results);
      return;
    }
    // The dumps are not part of a start.
    plans.stream()
        .flatMap(p -> p.kinds().stream())
        .filter(kind -> !kind.equals("go"))
        .distinct()
        .forEach(
            kind ->
                CdsArchive.jvmOptions(
                    NodeLauncher.cdsDir(state.resolve("run/java")), CdsArchive.provider(kind)));
    try (ControlPlane cluster = ControlPlane.start(state, NETNS, SUBNET)) {
      NodeRun run =
          new NodeRun(cluster, new AuditCounter(cluster.logDir().resolve("audit.log")), warmUp);
      for (Plan p : plans) {
        results.removeIf(r -> r.pods() == p.pods() && p.kinds().contains(r.node()));
        for (int i = 0; i < repeat; i++) {
          for (String kind : p.kinds()) {
            results.add(report(run(run, cluster, kind, p.pods(), goBinary, state)));
          }
          if (record) {
            save(resultsFile, results);
          }
        }
      }
    }
    if (record) {
      write(repo, results);
    }
  }

  private static NodeRun.Result report(NodeRun.Result r) {
    System.out.printf(
        "bench: %s %d pods: ready %.2f s (CPU %.2f s), RSS idle %.0f MiB, Running %.1f s, gone %.1f s, RSS %.0f MiB (peak %.0f), CPU create %.2f s, delete %.2f s%n",
        r.node(),
        r.pods(),
        r.startToReady(),
        r.cpuStartup(),
        r.rssIdle(),
        r.toRunning(),
        r.toGone(),
        r.rssAtN(),
        r.rssPeak(),
        r.cpuCreate(),
        r.cpuDelete());
    return r;
  }

  private static void write(Path repo, List<NodeRun.Result> results) {
    // The runs shown may come from several invocations (see the run counts per table).
    String command =
        "make bench-node BENCH_N=100,1000 BENCH_REPEAT=3   # as root; BENCH_N=5000:java for one node\n"
            + "make bench-node BENCH_N=1000:aci,1000:fargate,5000:aci,5000:fargate BENCH_REPEAT=1";
    String machine =
        "Machine: "
            + Runtime.getRuntime().availableProcessors()
            + " cores shared with other"
            + " engineers' builds during this session (numbers are noisy; ratios in one run are"
            + " the comparison), one control plane (Kubernetes from testbed/controlplane) in netns"
            + " vk-bench. Java node: provider/node/target/virtual-kubelet.jar with the image's JVM"
            + " options, heap capped as in a "
            + NodeLauncher.CONTAINER_MIB
            + " MiB container ("
            + String.join(" ", NodeLauncher.jvmOptions())
            + ", plus the class archive make image adds, dumped with the host's JDK from"
            + " image/classes/mock.lst, and the native library directory as make build unpacks"
            + " it, provider/node/target/native), mock provider with --mock-start-delay 0s (the Go mock reports a pod Running as"
            + " soon as it is created). Go node: virtual-kubelet v1.13.0"
            + " (benchmarks/reference/build.sh), mock provider. Pods: one Deployment of pause"
            + " containers with a nodeSelector and a toleration. Times from a client-side watch;"
            + " RSS from /proc VmRSS every 200 ms; CPU from /proc stat; API calls from the API"
            + " server's audit log (benchmarks/reference/audit-policy.yaml). Process start -> Ready:"
            + " from just before the process is started to a GET (every 50 ms, from a client"
            + " warmed up before the start) that sees the node's Ready condition; the benchmark's"
            + " own kubectl watches start after it. Error lines: the node's whole log, its stop"
            + " (SIGTERM) included.";
    Path docs = repo.resolve("docs");
    NodeReport.splice(docs.resolve("benchmarks.md"), NodeReport.render(results, command, machine));
    LinePlot time = new LinePlot("Time to all Running", "seconds");
    LinePlot rss = new LinePlot("Node RSS with N pods Running", "MiB");
    LinePlot cpu = new LinePlot("Node CPU per created pod", "ms per pod");
    for (int n : NodeReport.counts(results)) {
      for (String node : List.of("java", "go")) {
        List<NodeRun.Result> rs =
            results.stream().filter(r -> r.pods() == n && r.node().equals(node)).toList();
        time.point(node, n, NodeReport.median(rs, NodeRun.Result::toRunning));
        rss.point(node, n, NodeReport.median(rs, NodeRun.Result::rssAtN));
        cpu.point(node, n, NodeReport.median(rs, r -> r.cpuCreate() * 1000 / r.pods()));
      }
    }
    time.write(docs.resolve("bench-time-to-running.png"));
    rss.write(docs.resolve("bench-rss.png"));
    cpu.write(docs.resolve("bench-cpu-per-pod.png"));
  }

  private static List<Plan> plans(String spec) {
    List<Plan> plans = new ArrayList<>();
    for (String s : spec.isBlank() ? new String[0] : spec.split(",")) {
      String[] p = s.strip().split(":");
      List<String> kinds = p.length > 1 ? List.of(p[1]) : List.of("java", "go");
      if (!KINDS.containsAll(kinds)) {
        throw new IllegalArgumentException("vk.bench.n: unknown node kind in " + s);
      }
      plans.add(new Plan(Integer.parseInt(p[0]), kinds));
    }
    return plans;
  }

  private static Path goBinary(Path repo) throws IOException, InterruptedException {
    String explicit = System.getProperty("vk.bench.go");
    if (explicit != null) {
      return Path.of(explicit);
    }
    Process p =
        new ProcessBuilder(repo.resolve("benchmarks/reference/build.sh").toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String out = new String(p.getInputStream().readAllBytes()).strip();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("benchmarks/reference/build.sh failed");
    }
    return Path.of(out);
  }

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Every run recorded in {@code file} (none if it does not exist). Blocks on reading it. */
  static List<NodeRun.Result> load(Path file) throws IOException {
    return Files.isRegularFile(file)
        ? new ArrayList<>(
            JSON.readValue(file.toFile(), new TypeReference<List<NodeRun.Result>>() {}))
        : new ArrayList<>();
  }

  private static void save(Path file, List<NodeRun.Result> results) throws IOException {
    Files.createDirectories(file.getParent());
    JSON.writeValue(file.toFile(), results);
  }
}
