package dev.vk.benchmarks.node;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.vk.testbed.cluster.CommandResult;
import dev.vk.testbed.cluster.ControlPlane;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Node;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One measured run: start a node alone, let it idle, run N pods of one Deployment on it, delete
 * them, stop it. Blocks for the whole run.
 */
final class NodeRun {
  static final String NAMESPACE = "default";
  private static final Duration IDLE = Duration.ofSeconds(10);
  private static final Duration PHASE_TIMEOUT = Duration.ofMinutes(40);

  /**
   * What one run measured; times in seconds, memory in MiB. {@code cpuSteady} (CPU seconds in the
   * steady window), {@code steadySeconds} (that window's length), the cloud maps and {@code
   * cloudTuned} (provider settings changed from their defaults) (emulator calls by operation: while
   * creating, per minute in the steady window, whole run) are null for the mock and Go nodes.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Result(
      String node,
      int pods,
      double startToReady,
      double toRunning,
      double toGone,
      double lastBindToRunning,
      double p50,
      double p99,
      double rssIdle,
      double rssAtN,
      double rssPeak,
      double cpuStartup,
      double cpuIdle,
      double cpuCreate,
      double cpuDelete,
      double cpuSteady,
      Double steadySeconds,
      int errors,
      Map<String, Integer> createCalls,
      Map<String, Integer> allCalls,
      Map<String, Integer> cloudCreateCalls,
      Map<String, Double> cloudSteadyPerMinute,
      Map<String, Integer> cloudAllCalls,
      Map<String, String> cloudTuned) {

    /** The steady window's length in minutes (runs recorded before it was kept: 1). */
    double steadyMinutes() {
      return steadySeconds == null ? 1 : steadySeconds / 60;
    }

    /** API calls the node made while the pods were created, per pod. */
    double callsPerPod() {
      return createCalls.values().stream().mapToInt(Integer::intValue).sum() / (double) pods;
    }

    /** Reads (get, list, watch) the node made while the pods were created. */
    int createReads() {
      return createCalls.entrySet().stream()
          .filter(e -> e.getKey().matches("(get|list|watch) .*"))
          .mapToInt(Map.Entry::getValue)
          .sum();
    }
  }

  private final ControlPlane cluster;
  private final AuditCounter audit;
  private final int warmUpPods;

  /** With {@code warmUpPods} above 0, each Java node first runs a {@link JitWarmUp} wave. */
  NodeRun(ControlPlane cluster, AuditCounter audit, int warmUpPods) {
    this.cluster = cluster;
    this.audit = audit;
    this.warmUpPods = warmUpPods;
  }

  /** Runs {@code pods} pods on the node that {@code start} launches ("java" or "go"). */
  Result run(String kind, int pods, java.util.function.Supplier<NodeLauncher.Started> start)
      throws InterruptedException {
    return run(kind, pods, start, null);
  }

  /**
   * Runs {@code pods} pods on the node that {@code start} launches with a provider backed by {@code
   * cloud} (null: none); with a cloud, the pods stay Running through its settle time and a steady
   * window ({@link NodeCloud#steadyWindow()}) before they are deleted.
   */
  Result run(
      String kind,
      int pods,
      java.util.function.Supplier<NodeLauncher.Started> start,
      NodeCloud cloud)
      throws InterruptedException {
    warmUp();
    long auditStart = audit.mark();
    NodeLauncher.Started node = start.get();
    try (ProcessSampler proc = new ProcessSampler(node.process().pid())) {
      await("node " + node.nodeName() + " Ready", () -> ready(node), node);
      // From the process's own start: not the identity and RBAC set-up before it (kubectl calls
      // that took ~1.5 s for the Go node), which a real node does not pay at each start.
      double startToReady = (System.nanoTime() - node.launchedNanos()) / 1e9;
      double cpuReady = proc.cpuSeconds();
      // The benchmark's own kubectl processes start only now: on two cores, one starting beside the
      // node took CPU from it and was timed as part of the node's start.
      String user = whoAmI(node.kubeconfig());
      if (warmUpPods > 0 && !kind.equals("go")) { // Go has no JIT to warm
        JitWarmUp.run(cluster, node, warmUpPods, cloud != null);
      }
      try (PodWatch watch = new PodWatch(cluster, NAMESPACE, "app=" + node.nodeName())) {
        TimeUnit.MILLISECONDS.sleep(IDLE.toMillis()); // the idle phase is measured, not awaited
        double rssIdle = proc.rssMib();
        double cpuIdled = proc.cpuSeconds();

        long auditCreate = audit.mark();
        Instant cloudCreate = Instant.now();
        long tCreate = System.nanoTime();
        kubectlIn(cluster, deployment(node.nodeName(), pods, cloud != null), "apply", "-f", "-");
        ApiCount api = new ApiCount();
        await(
            pods + " pods Running",
            () -> watch.runningCount() >= pods || watch.restarted() && api.running(node) >= pods,
            node);
        // A restarted watch misses what changed while it was down: then the API server's count,
        // read every 2 s, tells when all were Running.
        long allRunning = watch.runningCount() >= pods ? watch.lastRunning() : System.nanoTime();
        double toRunning = (allRunning - tCreate) / 1e9;
        double lastBindToRunning = (allRunning - watch.lastBind()) / 1e9;
        double rssAtN = proc.rssMib();
        double cpuCreated = proc.cpuSeconds();
        long auditDelete = audit.mark();
        Instant cloudRunning = Instant.now();
        Map<String, Double> steady = null;
        double cpuSteady = 0;
        if (cloud != null) { // measured, not awaited: nothing changes while the cloud is polled
          TimeUnit.MILLISECONDS.sleep(cloud.settle().toMillis());
          Instant from = steadyStart(cloud, node);
          double cpuFrom = proc.cpuSeconds();
          Instant to = from.plus(cloud.steadyWindow());
          TimeUnit.MILLISECONDS.sleep(Math.max(0, Duration.between(Instant.now(), to).toMillis()));
          steady = CloudCalls.perMinute(cloud.calls(), from, to);
          cpuSteady = proc.cpuSeconds() - cpuFrom;
        }
        double cpuBeforeDelete = proc.cpuSeconds();

        long tDelete = System.nanoTime();
        kubectlIn(cluster, null, "delete", "deployment", node.nodeName(), "--wait=false");
        // The API's own count too: a pod deleted while the watch was being restarted is not seen.
        await(
            "all pods gone", () -> watch.deletedCount() >= pods || noPodsLeft(cluster, node), node);
        // As for Running: when the watch missed a deletion, the API's empty list ended the wait
        // (without this, a one-pod run whose watch restarted read "gone" as -33,308 s).
        long allGone = watch.deletedCount() >= pods ? watch.lastDeleted() : System.nanoTime();
        double toGone = (allGone - tDelete) / 1e9;
        double cpuDeleted = proc.cpuSeconds();
        List<Double> lat = watch.bindToRunning();
        stop(node);
        int errors = countErrors(node); // the stop's lines too: an operator sees every stop
        long auditEnd = audit.mark();
        return new Result(
            kind,
            pods,
            startToReady,
            toRunning,
            toGone,
            lastBindToRunning,
            percentile(lat, 50),
            percentile(lat, 99),
            rssIdle,
            rssAtN,
            proc.peakMib(),
            cpuReady,
            cpuIdled - cpuReady,
            cpuCreated - cpuIdled,
            cpuDeleted - cpuBeforeDelete,
            cpuSteady,
            cloud == null ? null : (double) cloud.steadyWindow().toSeconds(),
            errors,
            audit.count(user, auditCreate, auditDelete),
            audit.count(user, auditStart, auditEnd),
            cloud == null ? null : CloudCalls.count(cloud.calls(), cloudCreate, cloudRunning),
            steady,
            cloud == null ? null : CloudCalls.count(cloud.calls(), Instant.MIN, Instant.MAX),
            cloud == null || cloud.tuned().isEmpty() ? null : cloud.tuned());
      }
    } finally {
      stop(node);
      cluster.kubectl("delete", "node", node.nodeName(), "--ignore-not-found", "--wait=false");
    }
  }

  /** The node's Running pods as the API server lists them, read at most every 2 s. */
  private final class ApiCount {
    private long readAt;
    private int running;

    int running(NodeLauncher.Started node) {
      if (System.nanoTime() - readAt > 2_000_000_000L) {
        readAt = System.nanoTime();
        try {
          running =
              (int)
                  new CoreV1Api(cluster.apiClient())
                          .listNamespacedPod(NAMESPACE)
                          .labelSelector("app=" + node.nodeName())
                          .execute()
                          .getItems()
                          .stream()
                          .filter(p -> p.getStatus() != null)
                          .filter(p -> "Running".equals(p.getStatus().getPhase()))
                          .count();
        } catch (ApiException e) {
          running = 0;
        }
      }
      return running;
    }
  }

  /** Whether the API server lists none of the node's pods: one call for at most one pod. */
  static boolean noPodsLeft(ControlPlane cluster, NodeLauncher.Started node) {
    try {
      return new CoreV1Api(cluster.apiClient())
          .listNamespacedPod(NAMESPACE)
          .labelSelector("app=" + node.nodeName())
          .limit(1)
          .execute()
          .getItems()
          .isEmpty();
    } catch (ApiException e) {
      return false;
    }
  }

  /**
   * One call with the client that watches for Ready, before the node starts: the first call loads
   * the Kubernetes client and logging in this JVM (a second of CPU), which on two cores would
   * otherwise be timed as part of the node's start.
   */
  private void warmUp() {
    try {
      new CoreV1Api(cluster.apiClient()).readNamespace("default").execute();
    } catch (ApiException e) {
      throw new IllegalStateException("the control plane does not answer: " + e.getCode(), e);
    }
  }

  private boolean ready(NodeLauncher.Started node) {
    try {
      V1Node n = new CoreV1Api(cluster.apiClient()).readNode(node.nodeName()).execute();
      return n.getStatus() != null
          && n.getStatus().getConditions() != null
          && n.getStatus().getConditions().stream()
              .anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True"));
    } catch (ApiException notYet) {
      return false;
    }
  }

  /** Where the steady window begins: now, or once the provider's next polling round began. */
  private static Instant steadyStart(NodeCloud cloud, NodeLauncher.Started node)
      throws InterruptedException {
    Instant after = Instant.now();
    await("a steady round", () -> cloud.steadyStart(cloud.calls(), after).isPresent(), node);
    return cloud.steadyStart(cloud.calls(), after).orElseThrow();
  }

  static void await(String what, BooleanSupplier done, NodeLauncher.Started node)
      throws InterruptedException {
    long deadline = System.nanoTime() + PHASE_TIMEOUT.toNanos();
    while (!done.getAsBoolean()) {
      if (!node.process().isAlive()) {
        throw new IllegalStateException(node.nodeName() + " exited while waiting for " + what);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out waiting for " + what);
      }
      TimeUnit.MILLISECONDS.sleep(50); // a benchmark poll, 50 ms resolution
    }
  }

  private String whoAmI(Path kubeconfig) {
    CommandResult r =
        cluster.kubectlAs(
            kubeconfig, "auth", "whoami", "-o", "jsonpath={.status.userInfo.username}");
    return r.stdout().strip();
  }

  static void kubectlIn(ControlPlane cluster, String stdin, String... args) {
    CommandResult r = cluster.kubectl(cluster.kubeconfig(), stdin, Duration.ofMinutes(2), args);
    if (r.exitCode() != 0) {
      throw new IllegalStateException("kubectl " + String.join(" ", args) + ": " + r.stderr());
    }
  }

  /** Lines of the node's log that report an error (both nodes log "error" or "ERROR" there). */
  private static int countErrors(NodeLauncher.Started node) {
    try (var lines = java.nio.file.Files.lines(node.log())) {
      return (int) lines.filter(l -> l.contains("ERROR") || l.contains("level=error")).count();
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      return -1;
    }
  }

  private static void stop(NodeLauncher.Started node) throws InterruptedException {
    node.process().destroy();
    if (!node.process().waitFor(30, TimeUnit.SECONDS)) {
      node.process().destroyForcibly().waitFor();
    }
  }

  static double percentile(List<Double> sorted, int p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }

  /**
   * With {@code command}, the container names its command: the azure provider otherwise reads the
   * image's entrypoint from its registry, which the benchmark host cannot reach.
   */
  static String deployment(String nodeName, int replicas, boolean command) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: %1$s, namespace: default}
        spec:
          replicas: %2$d
          selector: {matchLabels: {app: %1$s}}
          template:
            metadata: {labels: {app: %1$s}}
            spec:
              nodeSelector: {kubernetes.io/hostname: %1$s}
              tolerations: [{operator: Exists}]
              containers: [{name: c, image: registry.k8s.io/pause:3.10%3$s}]
        """
        .formatted(nodeName, replicas, command ? ", command: [/pause]" : "");
  }
}
