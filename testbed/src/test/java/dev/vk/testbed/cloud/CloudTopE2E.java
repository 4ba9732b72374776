package dev.vk.testbed.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.testbed.cluster.ControlPlane;
import dev.vk.testbed.cluster.KubectlTop;
import dev.vk.testbed.cluster.RealCluster;
import java.time.Duration;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code kubectl top} for cloud pods through the real metrics-server: it scrapes each node's {@code
 * /metrics/resource}, which the providers fill from the clouds' metrics APIs (Azure Monitor for
 * ACI, CloudWatch Container Insights for Fargate), here their emulators.
 */
@RealCluster
class CloudTopE2E {
  private static final String SUITE = "cloud-top-e2e";
  private static final String ACI_NODE = "vk-aci-top";
  private static final String FARGATE_NODE = "vk-fargate-top";
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  // metrics-server needs two samples of a rate; the clouds give per-minute data, so the second
  // differs only after a minute boundary, plus the providers' freshness (10 s here).
  private static final Duration TOP = Duration.ofMinutes(4);

  private static ControlPlane cp;
  private static CloudCluster cluster;
  private static TwoClouds clouds;

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    cp = controlPlane;
    cluster = new CloudCluster(cp);
    clouds = TwoClouds.start(cp, ACI_NODE, 10298, FARGATE_NODE, 10299);
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.deleteDeployments(SUITE);
    }
    TwoClouds.stop(clouds);
  }

  @Test
  @DisplayName("kubectl top pod shows CPU and memory for an ACI pod, and top node for its node")
  void aci() {
    assertTopWorks("aci-top", ACI_NODE, "azure");
  }

  @Test
  @DisplayName("kubectl top pod shows CPU and memory for a Fargate pod, and top node for its node")
  void fargate() {
    assertTopWorks("fg-top", FARGATE_NODE, "fargate");
  }

  private static void assertTopWorks(String app, String node, String provider) {
    cluster.apply(
        CloudCluster.deployment(SUITE, app, node, provider, 1, "busybox", "[sleep, '3600']"));
    String pod = cluster.awaitRunning(app, node, 1, PATIENCE).get(0).getMetadata().getName();

    KubectlTop.Usage usage;
    try {
      usage = KubectlTop.awaitPod(cp, "default", pod, TOP);
    } catch (ConditionTimeoutException e) {
      String raw =
          cp.kubectl("get", "--raw", "/api/v1/nodes/" + node + "/proxy/metrics/resource").stdout();
      throw new AssertionError(e.getMessage() + "\n" + node + " /metrics/resource:\n" + raw, e);
    }
    assertThat(usage.memoryBytes()).as("memory of %s", pod).isPositive();
    assertThat(usage.cpuMillicores()).as("cpu of %s", pod).isNotNegative();

    KubectlTop.Usage nodeUsage = KubectlTop.awaitNode(cp, node, TOP);
    assertThat(nodeUsage.memoryBytes())
        .as("memory of %s", node)
        .isGreaterThanOrEqualTo(usage.memoryBytes());
  }
}
