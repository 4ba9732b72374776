package dev.vk.testbed.cluster;

import io.kubernetes.client.custom.Quantity;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * What {@code kubectl top pod} and {@code kubectl top node} show, read as a user reads them, with
 * metrics-server started for the cluster on first use ({@link MetricsServer#ensureRunning}). Works
 * for any node the cluster has: mock, ACI or Fargate.
 */
public final class KubectlTop {
  private static final Duration POLL = Duration.ofSeconds(2);

  /**
   * One row of {@code kubectl top}.
   *
   * @param name the pod or node
   * @param cpuCores CPU in cores, as shown (kubectl rounds to whole millicores)
   * @param memoryBytes memory working set in bytes, as shown (kubectl rounds to whole MiB)
   */
  public record Usage(String name, BigDecimal cpuCores, long memoryBytes) {
    public long cpuMillicores() {
      return cpuCores.movePointRight(3).longValue();
    }
  }

  private KubectlTop() {}

  /**
   * Waits until {@code kubectl top pod} lists the pod with CPU and memory. May block up to {@code
   * atMost} (metrics-server needs two scrapes, 10 s apart, after the pod's containers run).
   *
   * @throws ConditionTimeoutException naming kubectl's last answer and metrics-server's last log
   *     lines
   */
  public static Usage awaitPod(ControlPlane cp, String namespace, String pod, Duration atMost) {
    MetricsServer.ensureRunning(cp);
    return await(
        cp,
        "kubectl top pod " + pod + " -n " + namespace,
        atMost,
        "top",
        "pod",
        pod,
        "-n",
        namespace);
  }

  /**
   * Waits until {@code kubectl top node} lists the node with CPU and memory; as {@link #awaitPod}.
   */
  public static Usage awaitNode(ControlPlane cp, String node, Duration atMost) {
    MetricsServer.ensureRunning(cp);
    return await(cp, "kubectl top node " + node, atMost, "top", "node", node);
  }

  private static Usage await(ControlPlane cp, String what, Duration atMost, String... args) {
    String name = args[2];
    AtomicReference<CommandResult> last = new AtomicReference<>();
    try {
      return Awaitility.await(what + " shows CPU and memory")
          .atMost(atMost)
          .pollInterval(POLL)
          .until(
              () -> {
                CommandResult r = cp.kubectl(Duration.ofSeconds(30), args);
                last.set(r);
                return r.ok() ? parse(r.stdout(), name) : Optional.<Usage>empty();
              },
              Optional::isPresent)
          .orElseThrow();
    } catch (ConditionTimeoutException e) {
      throw new ConditionTimeoutException(
          e.getMessage()
              + "\nlast answer: "
              + last.get()
              + "\nmetrics-server log:\n"
              + logTail(cp));
    }
  }

  /**
   * The row of {@code name} in kubectl top's table (with its header line), or empty when it is
   * missing or shows {@code <unknown>}.
   */
  static Optional<Usage> parse(String table, String name) {
    List<String> lines = table.strip().lines().toList();
    if (lines.size() < 2) {
      return Optional.empty();
    }
    List<String> header = List.of(lines.get(0).trim().split("\\s+"));
    int cpu = header.indexOf("CPU(cores)");
    int memory = header.indexOf("MEMORY(bytes)");
    if (cpu < 0 || memory < 0) {
      throw new IllegalArgumentException("not a kubectl top table: " + lines.get(0));
    }
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.trim().split("\\s+");
      if (cells.length == header.size() && cells[0].equals(name)) {
        if (cells[cpu].startsWith("<") || cells[memory].startsWith("<")) {
          return Optional.empty();
        }
        return Optional.of(
            new Usage(
                name,
                new Quantity(cells[cpu]).getNumber(),
                new Quantity(cells[memory]).getNumber().longValueExact()));
      }
    }
    return Optional.empty();
  }

  private static String logTail(ControlPlane cp) {
    try {
      List<String> lines = Files.readAllLines(MetricsServer.log(cp));
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
