package dev.vk.testbed.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vk.testbed.cluster.BackgroundCommand;
import dev.vk.testbed.cluster.ControlPlane;
import dev.vk.testbed.cluster.RealCluster;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The node's /metrics, read through the API server's node proxy as Prometheus does with a
 * nodes/metrics grant, before and after some work: the series an operator alerts on are there and
 * move.
 */
@RealCluster
class NodeMetricsE2E {
  private static final String NODE = "vk-e2e-metrics";
  private static final int PORT = 10275;
  private static final String LOGS_ROUTE = "/containerLogs/{namespace}/{pod}/{container}";
  private static ControlPlane cp;
  private static MockNode node;

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    cp = controlPlane;
    node = MockNode.start(cp, NODE, PORT);
  }

  @AfterAll
  static void stop() {
    MockNode.stop(node);
  }

  private static PrometheusText scrape() {
    return new PrometheusText(
        cp.kubectl("get", "--raw", "/api/v1/nodes/" + NODE + "/proxy/metrics").orThrow().stdout());
  }

  private static double providerCalls(PrometheusText m, String operation) {
    return m.value(
        "vk_provider_call_duration_seconds_count",
        Map.of("provider", "mock", "operation", operation, "outcome", "ok"));
  }

  @Test
  @DisplayName(
      "creating, reading the logs of (once, then following) and deleting a pod moves provider call,"
          + " status write, kubelet API and open stream series; queue, lease, node and JVM series are"
          + " present")
  void seriesMove() {
    PrometheusText before = scrape();
    assertThat(before.names())
        .contains(
            "vk_workqueue_depth",
            "vk_workqueue_oldest_wait_seconds",
            "vk_workqueue_retries_total",
            "vk_pod_status_writes_total",
            "vk_node_status_updates_total",
            "vk_node_ready",
            "vk_node_leader",
            "vk_kubelet_api_streams_open",
            "jvm_memory_used_bytes",
            "jvm_threads_live_threads",
            "jvm_classes_loaded_classes",
            "process_cpu_usage",
            "process_uptime_seconds");
    assertThat(before.value("vk_workqueue_depth", Map.of("queue", "pod-sync"))).isZero();
    assertThat(before.value("vk_node_ready", Map.of())).isEqualTo(1);
    await("a lease renewal is counted")
        .atMost(Cluster.PATIENCE)
        .until(() -> scrape().value("vk_node_lease_renewals_total", Map.of("result", "ok")) > 0);

    Workloads.runningPod(cp, NODE, "measured", "Always", Map.of());
    cp.kubectl("logs", "measured").orThrow();
    Map<String, String> logStreams = Map.of("stream", "containerLogs");
    try (BackgroundCommand follow = cp.kubectlInBackground("logs", "-f", "measured")) {
      await("kubectl logs -f is an open stream")
          .atMost(Cluster.PATIENCE)
          .until(() -> scrape().value("vk_kubelet_api_streams_open", logStreams) == 1);
      assertThat(follow.alive()).as("kubectl logs -f still follows").isTrue();
    }
    await("the stream closes when kubectl goes away")
        .atMost(Cluster.PATIENCE)
        .until(() -> scrape().value("vk_kubelet_api_streams_open", logStreams) == 0);
    cp.kubectl("delete", "pod", "measured", "--wait=true", "--timeout=120s").orThrow();

    PrometheusText after = scrape();
    assertThat(providerCalls(after, "createPod")).isGreaterThan(providerCalls(before, "createPod"));
    assertThat(providerCalls(after, "deletePod")).isGreaterThan(providerCalls(before, "deletePod"));
    assertThat(providerCalls(after, "getPod")).isGreaterThan(providerCalls(before, "getPod"));
    assertThat(providerCalls(after, "logs")).isGreaterThan(providerCalls(before, "logs"));
    assertThat(
            after.value(
                "vk_provider_call_duration_seconds_bucket",
                Map.of("operation", "createPod", "le", "+Inf")))
        .isGreaterThan(0);
    assertThat(after.value("vk_pod_status_writes_total", Map.of("result", "sent")))
        .isGreaterThan(before.value("vk_pod_status_writes_total", Map.of("result", "sent")));
    Map<String, String> logsOk = Map.of("route", LOGS_ROUTE, "method", "GET", "code", "200");
    assertThat(after.value("vk_kubelet_api_requests_total", logsOk))
        .isGreaterThan(before.value("vk_kubelet_api_requests_total", logsOk));
    assertThat(after.value("vk_node_status_updates_total", Map.of("result", "ok")))
        .isGreaterThan(0);
  }
}
