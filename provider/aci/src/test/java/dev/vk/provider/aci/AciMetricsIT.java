package dev.vk.provider.aci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import dev.vk.emulator.aci.AciEmulator;
import dev.vk.kubelet.types.ResourceUsage;
import dev.vk.kubeletapi.metrics.ResourceMetricsRenderer;
import dev.vk.provider.testkit.EmulatorExtension;
import io.kubernetes.client.openapi.models.V1Pod;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Pod metrics against the emulated Azure Monitor: what a refresh costs, how long an answer is
 * reused, and that the kubelet's {@code /metrics/resource} rendering of it is what metrics-server's
 * own client reads.
 */
class AciMetricsIT {

  private static final int PODS = 12;
  private static final String BATCH = "metrics.getBatch";
  private static final long MIB = 1024 * 1024;

  @RegisterExtension final EmulatorExtension<AciEmulator> aci = Emulators.extension();
  private AciProvider provider;
  private final Map<String, V1Pod> pushed = new ConcurrentHashMap<>();
  private final List<V1Pod> pods = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    provider =
        Emulators.provider(
            aci, "metrics-freshness", "4s", "status-interval", "300ms", "settle-time", "100ms");
    provider.notifyPods(p -> pushed.put(p.getMetadata().getUid(), p));
    for (int i = 0; i < PODS; i++) {
      V1Pod pod = TestPods.sleeper();
      pods.add(pod);
      provider.createPod(pod);
    }
    await("every pod is pushed Running")
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                pods.stream()
                    .map(p -> pushed.get(p.getMetadata().getUid()))
                    .allMatch(p -> p != null && "Running".equals(p.getStatus().getPhase())));
  }

  @Test
  @DisplayName(
      "every running pod gets usage from one metrics:getBatch call per refresh; scrapes within"
          + " the freshness cost no call; metrics-server's client reads the rendered output")
  void oneBatchServesEveryPod() throws Exception {
    // ACI reports whole minutes: the first complete one ends at the next minute boundary.
    ResourceUsage first =
        await("every pod has usage")
            .atMost(Duration.ofSeconds(150))
            .pollInterval(Duration.ofSeconds(2))
            .until(provider::usage, u -> u.pods().size() == PODS);
    for (ResourceUsage.Pod pod : first.pods()) {
      assertThat(pod.containers()).extracting(ResourceUsage.Container::name).containsExactly("app");
      assertThat(pod.cpuCoreSeconds()).isPositive();
      assertThat(pod.memoryWorkingSetBytes()).isBetween(60 * MIB, 260 * MIB);
    }
    assertThat(first.node().memoryWorkingSetBytes())
        .isEqualTo(first.pods().stream().mapToLong(ResourceUsage.Pod::memoryWorkingSetBytes).sum());

    aci.get().calls().reset();
    await("the next refresh")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> provider.usage() != null && aci.get().calls().count(BATCH) > 0);
    for (int i = 0; i < 10; i++) {
      provider.usage();
    }
    assertThat(aci.get().calls().count(BATCH))
        .as("calls for %d pods and 11 scrapes", PODS)
        .isEqualTo(1);
    assertThat(aci.get().calls().timeline(BATCH).get(0).status()).isEqualTo(200);

    ResourceUsage usage = provider.usage();
    assertThat(metricsServerReads(usage)).isTrue();
  }

  /** Serves the node's rendering and compares what metrics-server's client stores with it. */
  private boolean metricsServerReads(ResourceUsage usage) throws Exception {
    byte[] body = ResourceMetricsRenderer.render(usage, false).getBytes(StandardCharsets.UTF_8);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/metrics/resource",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      String json =
          MetricsServerDecoder.scrape("127.0.0.1", server.getAddress().getPort(), Emulators.NODE);
      JsonObject batch = JsonParser.parseString(json).getAsJsonObject();
      JsonObject node = batch.getAsJsonObject("nodes").getAsJsonObject(Emulators.NODE);
      assertThat(node).as("metrics-server keeps the node").isNotNull();
      assertThat(node.get("timestampMs").getAsLong()).isEqualTo(usage.node().time().toEpochMilli());
      assertThat(node.get("memoryBytes").getAsLong())
          .isEqualTo(usage.node().memoryWorkingSetBytes());
      JsonObject stored = batch.getAsJsonObject("pods");
      assertThat(stored.keySet()).as("metrics-server keeps every pod").hasSize(PODS);
      for (ResourceUsage.Pod pod : usage.pods()) {
        ResourceUsage.Container c = pod.containers().get(0);
        JsonObject point =
            stored.getAsJsonObject(pod.namespace() + "/" + pod.name()).getAsJsonObject("app");
        assertThat(point.get("timestampMs").getAsLong()).isEqualTo(c.time().toEpochMilli());
        assertThat(point.get("memoryBytes").getAsLong()).isEqualTo(c.memoryWorkingSetBytes());
        assertThat(point.get("cpuNanoSeconds").getAsDouble() / 1e9)
            .isCloseTo(c.cpuCoreSeconds(), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(point.get("startTimeMs").getAsLong())
            .isCloseTo(c.startTime().toEpochMilli(), org.assertj.core.data.Offset.offset(1L));
      }
      return true;
    } finally {
      server.stop(0);
    }
  }
}
