package dev.vk.testbed.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.testbed.cluster.ControlPlane;
import dev.vk.testbed.cluster.KubectlTop;
import dev.vk.testbed.cluster.MetricsServer;
import dev.vk.testbed.cluster.RealCluster;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code kubectl top} against the real control plane and the real metrics-server, which scrapes the
 * node's /metrics/resource with its ServiceAccount token (the node asks TokenReview and
 * SubjectAccessReview for nodes/metrics). The mock provider's usage is synthetic and known: 10 m of
 * CPU and 20 to 36 MiB per container, and a 1 m, 32 MiB system share on the node.
 */
@RealCluster
class TopE2E {
  private static final String NODE = "vk-e2e-top";
  private static final int PORT = 10293;
  private static final long MIB = 1024 * 1024;
  private static ControlPlane cp;
  private static MockNode node;

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    cp = controlPlane;
    node = MockNode.start(cp, NODE, PORT);
    MetricsServer.ensureRunning(cp);
  }

  @AfterAll
  static void stop() {
    MockNode.stop(node);
  }

  @Test
  @DisplayName(
      "kubectl top pod shows a running pod's CPU and memory; kubectl top node shows the node")
  void topPodAndNode() {
    Workloads.runningPod(cp, NODE, "topped", "Always", Map.of());

    KubectlTop.Usage pod = KubectlTop.awaitPod(cp, "default", "topped", Cluster.PATIENCE);
    assertThat(pod.cpuMillicores()).as("CPU of %s", pod).isBetween(5L, 20L);
    assertThat(pod.memoryBytes()).as("memory of %s", pod).isBetween(20 * MIB, 36 * MIB);

    KubectlTop.Usage usage = KubectlTop.awaitNode(cp, NODE, Cluster.PATIENCE);
    assertThat(usage.cpuMillicores()).as("CPU of %s", usage).isPositive();
    assertThat(usage.memoryBytes()).as("memory of %s", usage).isGreaterThanOrEqualTo(52 * MIB);
    cp.kubectl("delete", "pod", "topped", "--wait=false").orThrow();
  }
}
