package dev.vk.testbed.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vk.testbed.cluster.ApiProxy;
import dev.vk.testbed.cluster.ControlPlane;
import dev.vk.testbed.cluster.RealCluster;
import dev.vk.testbed.node.MockCloud;
import dev.vk.testbed.node.NodeIdentity;
import dev.vk.testbed.node.NodeProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The node cut off from the API server, by the network or by an API server restart: when the API
 * server is back, nothing that should run was deleted or created twice, and what changed meanwhile
 * is carried out.
 */
@RealCluster
class ApiServerOutageE2E {
  private static final String NODE = "vk-e2e-outage";
  private NodeProcess node;
  private ApiProxy proxy;

  @AfterEach
  void stop() {
    if (node != null) {
      node.close();
    }
    if (proxy != null) {
      proxy.close();
    }
  }

  @Test
  @DisplayName(
      "partitioned past its lease while pods are created and deleted: after healing, the changes are carried out and nothing else")
  void partition(ControlPlane cp) {
    String name = NODE + "-p";
    Pods pods = startBehindProxy(cp, name, 10271);
    pods.createAndAwaitRunning("keep-1", "keep-2", "doomed");
    long creates = pods.creates();

    Instant cut = Instant.now();
    proxy.partition();
    // The controller-manager marks the node Unknown once its lease is older than 20 s here.
    pods.cluster.awaitReady(name, "Unknown");
    pods.create("born");
    cp.kubectl("delete", "pod", "doomed", "--wait=false").orThrow();
    await("the partition outlasts the node's 40 s lease")
        .atMost(Duration.ofMinutes(1))
        .until(() -> Duration.between(cut, Instant.now()).toSeconds() > 45);
    assertThat(pods.phase("born")).as("the node cannot see the new pod").isNotEqualTo("Running");
    proxy.heal();

    pods.assertCarriedOut(creates);
  }

  @Test
  @DisplayName(
      "the API server stopped and started again: the node comes back, carries out what changed and keeps its pods")
  void apiServerRestart(ControlPlane cp) {
    String name = NODE + "-r";
    node = NodeProcess.start(cp, name, 10272, Map.of());
    Pods pods = new Pods(cp, name);
    pods.cluster.awaitReady(name, "True");
    pods.createAndAwaitRunning("keep-1", "keep-2", "doomed");
    long creates = pods.creates();

    cp.stopApiServer();
    try {
      // Longer than the node's ping and read timeouts: its connections are dead, not just idle.
      await("the node notices the API server is gone")
          .atMost(Duration.ofMinutes(2))
          .until(() -> Files.readString(node.log()).contains("lease renewal failed"));
    } finally {
      cp.startApiServer();
    }
    pods.create("born");
    cp.kubectl("delete", "pod", "doomed", "--wait=false").orThrow();

    pods.assertCarriedOut(creates);
  }

  @Test
  @DisplayName(
      "a black-holed watch is replaced: a pod created afterwards runs within about a minute plus normal time")
  void blackholedWatch(ControlPlane cp) throws Exception {
    String name = NODE + "-b";
    Pods pods = startBehindProxy(cp, name, 10273);
    // The node object turns Ready a moment before the process finishes starting: poll, as a
    // readiness probe does.
    await("the node reports ready")
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(get(node.healthUrl("/readyz"))).isEqualTo("200 ok\n"));
    assertThat(get(node.healthUrl("/healthz"))).isEqualTo("200 ok\n");
    assertThat(get(node.healthUrl("/metrics"))).startsWith("200 ").contains("vk_pods ");
    pods.createAndAwaitRunning("before");

    proxy.blackholeOpenConnections();
    pods.create("after");
    // Pings every 20 s close the dead connection within 40 s; then a new watch lists the pod.
    await("the pod created after the black hole runs")
        .atMost(Duration.ofSeconds(100))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () ->
                assertThat(pods.phase("after"))
                    .as("node log:%n%s", node.logTail())
                    .isEqualTo("Running"));
    assertThat(Files.readString(node.log()))
        .as("the node found the dead watch itself")
        .contains("Pod watch failed");
    assertThat(get(node.healthUrl("/healthz"))).isEqualTo("200 ok\n");
    cp.kubectl("delete", "pod", "before", "after", "--wait=false").orThrow();
    await().atMost(Cluster.PATIENCE).until(() -> MockCloud.podKeys(node.stateFile()).isEmpty());
  }

  private Pods startBehindProxy(ControlPlane cp, String name, int kubeletPort) {
    Path kubeconfig = NodeIdentity.kubeconfig(cp, name);
    proxy = ApiProxy.inFrontOf(kubeconfig);
    Path viaProxy =
        proxy.kubeconfig(
            kubeconfig, cp.stateDir().resolve("nodes-run/" + name + "/proxied.kubeconfig"));
    node = NodeProcess.start(cp, name, kubeletPort, Map.of("kubeconfig", viaProxy.toString()));
    Pods pods = new Pods(cp, name);
    pods.cluster.awaitReady(name, "True");
    return pods;
  }

  private static String get(String url) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    return r.statusCode() + " " + r.body();
  }

  /** Bare pods bound to the node, and what the provider holds of them. */
  private final class Pods {
    final Cluster cluster;
    final ControlPlane cp;
    final String nodeName;

    Pods(ControlPlane cp, String nodeName) {
      this.cp = cp;
      this.cluster = new Cluster(cp);
      this.nodeName = nodeName;
    }

    void create(String pod) {
      cp.kubectlWithInput(
              """
              apiVersion: v1
              kind: Pod
              metadata: {name: %s, namespace: default, labels: {outage: %s}}
              spec:
                nodeName: %s
                containers: [{name: c, image: busybox}]
              """
                  .formatted(pod, nodeName, nodeName),
              "apply",
              "-f",
              "-")
          .orThrow();
    }

    void createAndAwaitRunning(String... names) {
      for (String pod : names) {
        create(pod);
      }
      await("pods running")
          .atMost(Cluster.PATIENCE)
          .until(
              () -> {
                for (String pod : names) {
                  if (!"Running".equals(phase(pod))) {
                    return false;
                  }
                }
                return true;
              });
    }

    String phase(String pod) {
      return cluster.pods("default", "outage=" + nodeName).stream()
          .filter(p -> p.getMetadata().getName().equals(pod))
          .map(p -> p.getStatus() == null ? null : p.getStatus().getPhase())
          .findFirst()
          .orElse("absent");
    }

    String ready(String pod) {
      return cluster.pods("default", "outage=" + nodeName).stream()
          .filter(p -> p.getMetadata().getName().equals(pod))
          .flatMap(
              p ->
                  p.getStatus() == null || p.getStatus().getConditions() == null
                      ? Stream.empty()
                      : p.getStatus().getConditions().stream())
          .filter(c -> "Ready".equals(c.getType()))
          .map(c -> c.getStatus())
          .findFirst()
          .orElse("absent");
    }

    long creates() {
      return MockCloud.calls(node.stateFile()).getOrDefault("create", 0L);
    }

    /** keep-1, keep-2 kept; doomed gone; born running; one create more, one delete. */
    void assertCarriedOut(long createsBefore) {
      cluster.awaitReady(nodeName, "True");
      await("the pod created meanwhile runs, the one deleted meanwhile is gone")
          .atMost(Cluster.PATIENCE)
          .untilAsserted(
              () -> {
                assertThat(phase("born")).as("born").isEqualTo("Running");
                assertThat(phase("doomed")).as("doomed in the API").isEqualTo("absent");
                assertThat(MockCloud.podKeys(node.stateFile()))
                    .as("at the provider")
                    .containsExactlyInAnyOrder("default/keep-1", "default/keep-2", "default/born");
              });
      await("the pods that ran all along are Running and Ready again")
          .atMost(Cluster.PATIENCE)
          .untilAsserted(
              () -> {
                for (String pod : List.of("keep-1", "keep-2", "born")) {
                  assertThat(phase(pod)).as(pod).isEqualTo("Running");
                  assertThat(ready(pod)).as(pod + " Ready").isEqualTo("True");
                }
              });
      Map<String, Long> calls = MockCloud.calls(node.stateFile());
      assertThat(calls.get("create"))
          .as("only the new pod created; node log:%n%s", node.logTail())
          .isEqualTo(createsBefore + 1);
      cp.kubectl("delete", "pod", "-l", "outage=" + nodeName, "--wait=false").orThrow();
      await().atMost(Cluster.PATIENCE).until(() -> MockCloud.podKeys(node.stateFile()).isEmpty());
      // The node removes a pod's API object after the provider let it go: wait for that too, or
      // the next test's pods of the same names would meet these, still bound to this node.
      await("the pods are gone from the API")
          .atMost(Cluster.PATIENCE)
          .until(() -> cluster.pods("default", "outage=" + nodeName).isEmpty());
    }
  }
}
