package dev.vk.testbed.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * metrics-server for a testbed cluster, started by {@code testbed/controlplane/metrics-server.sh}
 * in the cluster's network namespace: {@code kubectl top} then works against that cluster (read it
 * with {@link KubectlTop}). It is stopped with the cluster: {@link ControlPlane#stop()} ends every
 * process in the namespace.
 */
public final class MetricsServer {
  /** Building it on a cold cache takes minutes; starting it, seconds. */
  private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(30);

  /** Clusters this JVM started it for; a cluster started again is a new {@link ControlPlane}. */
  private static final Set<ControlPlane> STARTED = Collections.newSetFromMap(new WeakHashMap<>());

  private MetricsServer() {}

  /**
   * Starts metrics-server once per cluster and returns when the API server serves {@code
   * metrics.k8s.io} through it. Idempotent; blocks for a few seconds the first time (minutes if
   * metrics-server must be built first).
   *
   * @throws IllegalStateException when it does not come up; the message has the script's last lines
   *     (the tail of metrics-server's log)
   */
  public static void ensureRunning(ControlPlane cp) {
    synchronized (STARTED) {
      if (STARTED.contains(cp)) {
        return;
      }
      Scripts.run(
          "metrics-server.sh",
          SCRIPT_TIMEOUT,
          true,
          List.of(
              "--state", cp.stateDir().toString(), "--name", cp.netns(), "--subnet", cp.subnet()));
      STARTED.add(cp);
    }
  }

  /** metrics-server's log: its scrapes of each node and their errors. */
  public static Path log(ControlPlane cp) {
    return cp.logDir().resolve("metrics-server.log");
  }
}
