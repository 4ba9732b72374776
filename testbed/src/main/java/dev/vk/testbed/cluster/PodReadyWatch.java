package dev.vk.testbed.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Watches pods the way {@code kubectl get pods -w} does and remembers every state each one was
 * reported in, so a test can tell whether a pod that was Running and Ready ever left that state
 * while it was not being deleted: what Services see as an endpoint flapping.
 */
public final class PodReadyWatch implements AutoCloseable {
  // A filter, not {range}: kubectl's watch stops at the second object with "not in range, nothing
  // to end" when the template ranges.
  private static final String COLUMNS =
      "{.metadata.name} {.status.phase} "
          + "{.status.conditions[?(@.type==\"Ready\")].status} "
          + "deleting={.metadata.deletionTimestamp}{\"\\n\"}";

  private final BackgroundCommand watch;

  private PodReadyWatch(BackgroundCommand watch) {
    this.watch = watch;
  }

  /** Starts watching pods with {@code selector} in {@code namespace}. */
  public static PodReadyWatch start(ControlPlane cluster, String namespace, String selector) {
    return new PodReadyWatch(
        cluster.kubectlInBackground(
            "get", "pods", "-n", namespace, "-l", selector, "-w", "-o", "jsonpath=" + COLUMNS));
  }

  /** One line the watch printed: a pod's state at one moment. */
  record Seen(String pod, String phase, String ready, boolean deleting) {
    boolean runningAndReady() {
      return "Running".equals(phase) && "True".equals(ready);
    }

    static Seen parse(String line) {
      String[] f = line.trim().split(" ");
      String ready = f.length > 3 ? f[2] : "";
      String deleting = f[f.length - 1];
      return new Seen(f[0], f.length > 1 ? f[1] : "", ready, !deleting.equals("deleting="));
    }
  }

  /** Pods that were Running/Ready and were later reported otherwise while not being deleted. */
  public List<String> flips() {
    Set<String> wasReady = new HashSet<>();
    Map<String, String> last = new HashMap<>();
    List<String> flips = new ArrayList<>();
    for (String line : watch.output().split("\n")) {
      if (line.isBlank() || !line.contains("deleting=")) {
        continue;
      }
      Seen seen = Seen.parse(line);
      if (seen.runningAndReady()) {
        wasReady.add(seen.pod());
      } else if (wasReady.contains(seen.pod()) && !seen.deleting()) {
        flips.add(seen.pod() + ": " + last.get(seen.pod()) + " -> " + line.trim());
      }
      last.put(seen.pod(), line.trim());
    }
    return flips;
  }

  /**
   * Pods that were Running and later reported in another phase while not being deleted. Unlike
   * {@link #flips()} this ignores Ready, which the control plane itself sets False on the pods of a
   * node whose lease expired.
   */
  public List<String> phaseFlips() {
    Set<String> wasRunning = new HashSet<>();
    List<String> flips = new ArrayList<>();
    for (String line : watch.output().split("\n")) {
      if (line.isBlank() || !line.contains("deleting=")) {
        continue;
      }
      Seen seen = Seen.parse(line);
      if ("Running".equals(seen.phase())) {
        wasRunning.add(seen.pod());
      } else if (wasRunning.contains(seen.pod()) && !seen.deleting()) {
        flips.add(seen.pod() + ": -> " + line.trim());
      }
    }
    return flips;
  }

  /** How many pods were ever seen Running and Ready. */
  public int readyPods() {
    Set<String> ready = new HashSet<>();
    for (String line : watch.output().split("\n")) {
      if (line.contains("deleting=") && Seen.parse(line).runningAndReady()) {
        ready.add(Seen.parse(line).pod());
      }
    }
    return ready.size();
  }

  /** Everything the watch printed, for assertion messages. */
  public String transcript() {
    return watch.output();
  }

  /** Whether the watch still runs (kubectl ends its watch when the API server closes it). */
  public boolean alive() {
    return watch.alive();
  }

  @Override
  public void close() {
    watch.close();
  }
}
