package dev.vk.benchmarks;

import dev.vk.benchmarks.node.NodeReport;
import dev.vk.provider.PodLifecycle;
import dev.vk.provider.PodStatusNotifier;
import dev.vk.provider.testkit.Pods;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Pod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * What status sync costs in cloud API calls with N steady pods, and how late a crash is seen: the
 * real providers with their default status settings against the emulators, which count calls.
 * Writes docs/benchmarks.md. Run with {@code make bench}.
 */
public final class StatusCostBenchmark {
  private static final Duration SEED_TIMEOUT = Duration.ofMinutes(10);

  private StatusCostBenchmark() {}

  /** One measurement. */
  record Row(
      String provider,
      int pods,
      String firstRound,
      double callsPerMinute,
      Map<String, Integer> calls,
      String exitSeen,
      int reference,
      String model) {}

  public static void main(String[] args) throws Exception {
    Duration window = Duration.ofSeconds(Long.getLong("vk.bench.window", 90));
    List<Row> rows = new ArrayList<>();
    // -Dvk.bench.only=fargate:1000 reruns one configuration (written to vk.bench.out alone).
    String only = System.getProperty("vk.bench.only", "");
    for (int pods : new int[] {100, 1000}) {
      if (only.isEmpty() || only.equals("azure:" + pods)) {
        rows.add(measure("azure", AciCloud::start, pods, window));
      }
      if (only.isEmpty() || only.equals("fargate:" + pods)) {
        rows.add(measure("fargate", FargateCloud::start, pods, window));
      }
    }
    // ACI exit detection under the ARM read budget (-Dvk.bench.only=azure-budget:300 alone).
    Duration budgetWindow = Duration.ofSeconds(Long.getLong("vk.bench.budgetWindow", 240));
    List<ExitBudgetBenchmark.Row> budgetRows = new ArrayList<>();
    for (int pods : new int[] {100, 300, 1000}) {
      if (only.isEmpty() || only.equals("azure-budget:" + pods) || only.equals("azure-budget")) {
        budgetRows.add(ExitBudgetBenchmark.measure(pods, budgetWindow));
      }
    }
    Path out = Path.of(System.getProperty("vk.bench.out", "docs/benchmarks.md"));
    // The node benchmark's section (NodeBenchmark) is kept as it is.
    String nodeSection = NodeReport.section(out);
    Files.writeString(
        out,
        BenchmarkReport.render(rows, window)
            + BenchmarkReport.renderBudget(budgetRows, budgetWindow)
            + (nodeSection.isEmpty() ? "" : "\n" + nodeSection));
    System.out.println(Files.readString(out));
  }

  static Row measure(String name, Supplier<Cloud> cloudStarter, int count, Duration window)
      throws Exception {
    System.err.printf("benchmark: %s with %d pods%n", name, count);
    try (Cloud cloud = cloudStarter.get()) {
      // Seed with a provider that reports new pods at once, then measure a fresh one at defaults,
      // as a restarted node would run: only steady state is measured.
      PodLifecycle seeder = cloud.provider(true);
      Map<String, V1Pod> seeded = new ConcurrentHashMap<>();
      ((PodStatusNotifier) seeder).notifyPods(p -> seeded.put(p.getMetadata().getName(), p));
      List<V1Pod> pods = seed(seeder, count);
      await(
          () ->
              pods.stream()
                  .allMatch(p -> phase(seeded.get(p.getMetadata().getName())).equals("Running")),
          SEED_TIMEOUT,
          "all pods Running");
      close(seeder);
      PodLifecycle provider = cloud.provider(false);
      Map<String, V1Pod> latest = new ConcurrentHashMap<>();
      ((PodStatusNotifier) provider).notifyPods(p -> latest.put(p.getMetadata().getName(), p));
      // Its first round reads every pod once (a restart's cost, reported apart); then steady state.
      Instant adopting = Instant.now();
      Instant warmUp = adopting.plusSeconds(60);
      while (latest.size() < count && Instant.now().isBefore(warmUp)) {
        Thread.sleep(200);
      }
      String firstRound =
          latest.size() == count
              ? Duration.between(adopting, Instant.now()).toSeconds() + " s"
              : latest.size() + " of " + count + " pods pushed in 60 s (it pushes changes only)";
      // Steady state: past ACI's settle time (1 min), in which just-started groups are re-read
      // every round, and past the startup round's stragglers.
      Thread.sleep(Long.getLong("vk.bench.settle", 75) * 1000);
      // The victim must look healthy to the measured provider before the clock starts: a pod
      // already shown restarted or terminated would be "seen" at once (an earlier 0 s result).
      V1Pod victim =
          pods.stream()
              .filter(p -> healthy(latest.get(p.getMetadata().getName())))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("no pod is Running and unrestarted"));
      Runnable crash = cloud.crasher(victim);
      cloud.resetCalls();
      Instant start = Instant.now();
      crash.run();
      Instant seen = null;
      while (Duration.between(start, Instant.now()).compareTo(window) < 0) {
        if (seen == null && crashed(latest.get(victim.getMetadata().getName()))) {
          seen = Instant.now();
          System.err.printf(
              "benchmark: crash of %s seen after %d ms%n",
              victim.getMetadata().getName(), Duration.between(start, seen).toMillis());
        }
        Thread.sleep(100); // a benchmark's sampling tick, not a test's wait
      }
      close(provider); // its status thread would otherwise outlive the emulator
      Map<String, Integer> calls = new TreeMap<>(cloud.calls());
      int total = calls.values().stream().mapToInt(Integer::intValue).sum();
      String exit =
          seen == null
              ? "not within " + window.toSeconds() + " s"
              : String.format("%.1f s", Duration.between(start, seen).toMillis() / 1000.0);
      return new Row(
          name,
          count,
          firstRound,
          total * 60.0 / window.toSeconds(),
          calls,
          exit,
          cloud.referenceCallsPerPodPerMinute() * count,
          cloud.referenceModel());
    }
  }

  private static void close(PodLifecycle provider) throws Exception {
    if (provider instanceof AutoCloseable c) {
      c.close();
    }
  }

  private static List<V1Pod> seed(PodLifecycle provider, int count) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<V1Pod> pods = new ArrayList<>();
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        V1Pod pod = Pods.pod("bench", "pod-" + i, Pods.container("app"));
        pods.add(pod);
        done.add(
            pool.submit(
                () -> {
                  provider.createPod(pod);
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      return pods;
    } finally {
      pool.shutdownNow();
    }
  }

  private static boolean healthy(V1Pod pod) {
    return pod != null && phase(pod).equals("Running") && !crashed(pod);
  }

  private static boolean crashed(V1Pod pod) {
    if (pod == null || pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
      return false;
    }
    for (V1ContainerStatus c : pod.getStatus().getContainerStatuses()) {
      boolean restarted = c.getRestartCount() != null && c.getRestartCount() > 0;
      boolean stopped = c.getState() != null && c.getState().getTerminated() != null;
      if (restarted || stopped) {
        return true;
      }
    }
    return false;
  }

  private static String phase(V1Pod pod) {
    return pod == null || pod.getStatus() == null || pod.getStatus().getPhase() == null
        ? ""
        : pod.getStatus().getPhase();
  }

  private static void await(Supplier<Boolean> condition, Duration timeout, String what)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.get()) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("timed out waiting for " + what);
      }
      Thread.sleep(200);
    }
  }
}
