package dev.vk.testbed.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vk.emulator.aci.AciEmulator;
import dev.vk.testbed.cluster.ControlPlane;
import dev.vk.testbed.cluster.RealCluster;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * An ACI node's pod metrics as metrics-server reads them: {@code /metrics/resource} and {@code
 * /stats/summary} through the API server's node proxy, fed by the emulated Azure Monitor.
 */
@RealCluster
class AciMetricsE2E {
  private static final String NODE = "vk-aci-metrics";
  private static final String SUITE = "aci-metrics";
  private static final String IMAGE = "mcr.microsoft.com/azuredocs/aci-helloworld";

  private static ControlPlane cp;
  private static CloudCluster cluster;
  private static AciEmulator aci;
  private static CloudNode node;

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    cp = controlPlane;
    cluster = new CloudCluster(cp);
    aci = CloudNode.aciEmulator();
    node = CloudNode.azure(cp, aci, NODE, 10286);
  }

  @AfterAll
  static void stop() {
    cluster.deleteDeployments(SUITE);
    CloudNode.stop(node, aci);
  }

  /** {@code <value> <timestamp ms>} of a container series, or null when absent. */
  private static List<Double> series(String text, String metric, V1Pod pod) {
    Matcher m =
        Pattern.compile(
                "(?m)^"
                    + metric
                    + "\\{container=\"web\",namespace=\"default\",pod=\""
                    + Pattern.quote(pod.getMetadata().getName())
                    + "\"} (\\S+) (\\d+)$")
            .matcher(text);
    return m.find()
        ? List.of(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)))
        : null;
  }

  private static String raw(String path) {
    return cp.kubectl("get", "--raw", "/api/v1/nodes/" + NODE + "/proxy" + path).orThrow().stdout();
  }

  @Test
  @DisplayName(
      "each running pod's CPU counter and working set, with timestamps, reach /metrics/resource and"
          + " /stats/summary through the API server; the node sums them")
  void podMetricsReachTheKubeletApi() throws Exception {
    cluster.apply(CloudCluster.deployment(SUITE, "measured", NODE, "azure", 2, IMAGE, null));
    List<V1Pod> pods = cluster.awaitRunning("measured", NODE, 2, CloudCluster.PATIENCE);

    // Azure Monitor reports whole minutes, and an answer is reused for a minute.
    String text =
        await("both pods have usage in /metrics/resource")
            .atMost(Duration.ofMinutes(4))
            .pollInterval(Duration.ofSeconds(5))
            .until(
                () -> raw("/metrics/resource"),
                t ->
                    pods.stream()
                        .allMatch(p -> series(t, "container_cpu_usage_seconds_total", p) != null));
    assertThat(text).contains("resource_scrape_error 0").contains("node_cpu_usage_seconds_total ");
    List<Double> memories = new ArrayList<>();
    for (V1Pod pod : pods) {
      List<Double> cpu = series(text, "container_cpu_usage_seconds_total", pod);
      List<Double> memory = series(text, "container_memory_working_set_bytes", pod);
      assertThat(cpu.get(0)).as("cumulative core-seconds").isPositive();
      assertThat(memory.get(0)).as("working set bytes").isGreaterThan(10e6);
      assertThat(cpu.get(1)).as("a timestamp").isEqualTo(memory.get(1)).isPositive();
      memories.add(memory.get(0));
    }

    Matcher nodeMemory =
        Pattern.compile("(?m)^node_memory_working_set_bytes (\\S+) \\d+$").matcher(text);
    assertThat(nodeMemory.find()).isTrue();
    assertThat(Double.parseDouble(nodeMemory.group(1)))
        .as("the node is the sum of its pods")
        .isEqualTo(memories.stream().mapToDouble(Double::doubleValue).sum());

    JsonNode summary = new ObjectMapper().readTree(raw("/stats/summary"));
    assertThat(summary.at("/node/nodeName").asText()).isEqualTo(NODE);
    assertThat(summary.at("/node/memory/workingSetBytes").asLong()).isPositive();
    List<String> named = new ArrayList<>();
    summary.path("pods").forEach(p -> named.add(p.at("/podRef/name").asText()));
    assertThat(named)
        .containsExactlyInAnyOrderElementsOf(
            pods.stream().map(p -> p.getMetadata().getName()).toList());
    assertThat(aci.calls().count("metrics.getBatch")).isPositive();
  }
}
