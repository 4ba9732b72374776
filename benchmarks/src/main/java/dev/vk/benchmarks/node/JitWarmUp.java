package dev.vk.benchmarks.node;

import dev.vk.testbed.cluster.ControlPlane;

/**
 * A wave of pods created and deleted on a Java node before its measured phases, so that they
 * measure the node with its pod path already compiled rather than a fresh process: how much of a
 * run's CPU is the JIT's one-time warm-up. For experiments only; {@link NodeBenchmark} never stores
 * such runs beside the fresh ones. Blocks until the wave's pods are all gone.
 */
final class JitWarmUp {
  private JitWarmUp() {}

  static void run(ControlPlane cluster, NodeLauncher.Started node, int pods, boolean command)
      throws InterruptedException {
    String name = node.nodeName();
    try (PodWatch watch = new PodWatch(cluster, NodeRun.NAMESPACE, "app=" + name)) {
      NodeRun.kubectlIn(cluster, NodeRun.deployment(name, pods, command), "apply", "-f", "-");
      NodeRun.await(pods + " warm-up pods Running", () -> watch.runningCount() >= pods, node);
      NodeRun.kubectlIn(cluster, null, "delete", "deployment", name, "--wait=false");
      // The API's list, not the watch: the measured phases must not meet a warm-up pod.
      NodeRun.await("warm-up pods gone", () -> NodeRun.noPodsLeft(cluster, node), node);
    }
  }
}
