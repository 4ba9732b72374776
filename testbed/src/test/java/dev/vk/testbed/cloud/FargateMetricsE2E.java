package dev.vk.testbed.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vk.emulator.ecs.EcsEmulator;
import dev.vk.provider.testkit.MetricsServerDecode;
import dev.vk.testbed.cluster.ControlPlane;
import dev.vk.testbed.cluster.RealCluster;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The real node jar serves a Fargate node's pod usage from the emulator's Container Insights on the
 * kubelet routes metrics-server reads, reached through the API server's node proxy.
 */
@RealCluster
class FargateMetricsE2E {
  private static final String NODE = "vk-fargate-metrics";
  private static final String SUITE = "fargate-metrics-e2e";
  private static ControlPlane cp;
  private static CloudCluster cluster;
  private static EcsEmulator ecs;
  private static CloudNode node;

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    cp = controlPlane;
    cluster = new CloudCluster(cp);
    ecs = CloudNode.ecsEmulator();
    node = CloudNode.fargate(cp, ecs, NODE, 10301);
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.deleteDeployments(SUITE);
    }
    CloudNode.stop(node, ecs);
  }

  private static String raw(String route) {
    return cp.kubectl("get", "--raw", "/api/v1/nodes/" + NODE + "/proxy" + route)
        .orThrow()
        .stdout();
  }

  @Test
  @DisplayName("/metrics/resource and /stats/summary report every running Fargate pod")
  void podsHaveUsage() throws Exception {
    cluster.apply(
        CloudCluster.deployment(
            SUITE, "fg-top", NODE, "fargate", 2, "public.ecr.aws/nginx/nginx:stable", null));
    List<V1Pod> pods = cluster.awaitRunning("fg-top", NODE, 2, Duration.ofSeconds(90));
    Set<String> names =
        pods.stream().map(p -> "default/" + p.getMetadata().getName()).collect(Collectors.toSet());

    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(2))
        .until(
            () ->
                MetricsServerDecode.decode(raw("/metrics/resource"))
                    .pods()
                    .keySet()
                    .containsAll(names));
    MetricsServerDecode.Batch batch = MetricsServerDecode.decode(raw("/metrics/resource"));
    assertThat(batch.node()).as("node = sum of its pods").isNotNull();
    for (String pod : names) {
      MetricsServerDecode.Point web = batch.pods().get(pod).get("web");
      assertThat(web.cumulativeCpuNanos()).as(pod).isPositive();
      assertThat(web.memoryBytes()).as(pod).isGreaterThan(1 << 20);
    }

    JsonNode summary = new ObjectMapper().readTree(raw("/stats/summary"));
    Set<String> uids = pods.stream().map(p -> p.getMetadata().getUid()).collect(Collectors.toSet());
    Set<String> summaryUids =
        java.util.stream.StreamSupport.stream(summary.path("pods").spliterator(), false)
            .map(p -> p.path("podRef").path("uid").asText())
            .collect(Collectors.toSet());
    assertThat(summaryUids).containsAll(uids);
    assertThat(summary.path("node").path("memory").path("workingSetBytes").asLong()).isPositive();
  }
}
