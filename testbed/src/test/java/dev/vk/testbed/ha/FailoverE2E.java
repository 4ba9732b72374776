package dev.vk.testbed.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vk.testbed.cluster.ApiProxy;
import dev.vk.testbed.cluster.ControlPlane;
import dev.vk.testbed.cluster.PodReadyWatch;
import dev.vk.testbed.cluster.RealCluster;
import dev.vk.testbed.node.MockCloud;
import dev.vk.testbed.node.NodeIdentity;
import dev.vk.testbed.node.NodeProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of one node with leader election, sharing one mock cloud (the provider state file):
 * the leader killed, or cut off the API server, and the other one taking over without a pod created
 * twice, lost, or seen leaving Ready, and without the old leader writing after its loss.
 */
@RealCluster
class FailoverE2E {
  private static final Duration PATIENCE = Duration.ofMinutes(2);

  /**
   * The user-visible guarantee of docs/operations.md (High availability): a killed leader is
   * replaced within 15 s.
   */
  private static final Duration TAKEOVER = Duration.ofSeconds(15);

  private final List<AutoCloseable> running = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : running) {
      c.close();
    }
  }

  /**
   * The settings the chart renders for replicaCount > 1 (docs/operations.md (High availability)).
   */
  private static Map<String, String> elected(String node, Map<String, String> extra) {
    Map<String, String> s = new HashMap<>(extra);
    s.put("leader-elect", "true");
    // The namespace of the node's own identity (sa-kubeconfig.sh), as the release namespace is.
    s.put("leader-elect-resource-namespace", node);
    s.put("lease-duration", "20s");
    return s;
  }

  private NodeProcess replica(
      ControlPlane cp, String node, int replica, int port, Map<String, String> extra) {
    NodeProcess p = NodeProcess.start(cp, node, replica, port, elected(node, extra));
    running.add(p);
    return p;
  }

  private static NodeProcess leaderOf(NodeProcess a, NodeProcess b) {
    await("one replica leads")
        .atMost(PATIENCE)
        .until(
            () -> NodeLog.says(a, NodeLog.BECAME_LEADER) || NodeLog.says(b, NodeLog.BECAME_LEADER));
    return NodeLog.says(a, NodeLog.BECAME_LEADER) ? a : b;
  }

  private static Set<String> apiPodKeys(ControlPlane cp, String app) {
    String out =
        cp.kubectl(
                "get",
                "pods",
                "-n",
                "default",
                "-l",
                "app=" + app,
                "-o",
                "jsonpath={range .items[*]}{.metadata.namespace}/{.metadata.name}{\"\\n\"}{end}")
            .orThrow()
            .stdout();
    Set<String> keys = new TreeSet<>();
    for (String l : out.split("\n")) {
      if (!l.isBlank()) {
        keys.add(l.trim());
      }
    }
    return keys;
  }

  /** Every pod the watch ever saw: each was created at the provider exactly once. */
  private static Set<String> podsEverSeen(PodReadyWatch watch) {
    Set<String> names = new TreeSet<>();
    for (String line : watch.transcript().split("\n")) {
      if (line.contains("deleting=")) {
        names.add(line.trim().split(" ")[0]);
      }
    }
    return names;
  }

  private static long calls(NodeProcess node, String op) {
    return MockCloud.calls(node.stateFile()).getOrDefault(op, 0L);
  }

  private static void awaitRunning(ControlPlane cp, String app, int n) {
    await(n + " pods of " + app + " Running and Ready")
        .atMost(PATIENCE)
        .until(
            () ->
                cp.kubectl(
                        "get",
                        "pods",
                        "-l",
                        "app=" + app,
                        "-o",
                        "jsonpath={range .items[*]}{.status.conditions[?(@.type==\"Ready\")].status}{\" \"}{end}")
                    .stdout()
                    .trim()
                    .equals(String.join(" ", java.util.Collections.nCopies(n, "True"))));
  }

  @Test
  @DisplayName(
      "kill -9 of the leader mid-rollout: the other replica leads within 15 s, adopts every pod, none leaves Ready")
  void killLeaderDuringRollout(ControlPlane cp) {
    String node = "vk-e2e-ha";
    // Pods take 3 s to start, so the rollout is still going when the leader dies.
    NodeProcess a = replica(cp, node, 0, 10271, Map.of("mock-start-delay", "3s"));
    NodeProcess b = replica(cp, node, 1, 10272, Map.of("mock-start-delay", "3s"));
    awaitReadyNode(cp, node);
    cp.kubectlWithInput(deployment("ha", node, 4), "apply", "-f", "-").orThrow();
    awaitRunning(cp, "ha", 4);
    PodReadyWatch watch = PodReadyWatch.start(cp, "default", "app=ha");
    running.add(watch);
    NodeProcess leader = leaderOf(a, b);
    NodeProcess follower = leader == a ? b : a;
    assertThat(NodeLog.says(follower, NodeLog.BECAME_LEADER)).isFalse();

    // A rollout: new pods being created, old ones stopped, when the leader dies.
    Set<String> before = apiPodKeys(cp, "ha");
    cp.kubectl("set", "env", "deployment/ha", "ROLLOUT=2").orThrow();
    await("the rollout has begun")
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> !before.containsAll(apiPodKeys(cp, "ha")));
    long killedAt = System.nanoTime();
    leader.kill();
    await("the other replica leads within " + TAKEOVER)
        .atMost(TAKEOVER)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> NodeLog.says(follower, NodeLog.BECAME_LEADER));
    Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);

    cp.kubectl(Duration.ofMinutes(3), "rollout", "status", "deployment/ha", "--timeout=150s")
        .orThrow();
    awaitRunning(cp, "ha", 4);
    await("the cloud runs exactly the API's pods (no orphan)")
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(MockCloud.podKeys(follower.stateFile()))
                    .isEqualTo(apiPodKeys(cp, "ha")));
    // 4 pods of the first revision, 4 of the second: each created once at the provider.
    assertThat(podsEverSeen(watch)).hasSize(8);
    assertThat(calls(follower, "create"))
        .as(
            "each pod created once, none again after the takeover (%s); new leader log:%n%s",
            takeover, follower.logTail())
        .isEqualTo(8);
    assertThat(watch.flips()).as("pods seen leaving Ready:%n%s", watch.transcript()).isEmpty();
    cp.kubectl("delete", "deployment", "ha").orThrow();
  }

  @Test
  @DisplayName(
      "a partitioned leader stops before its lease expires; after heal it writes nothing and follows")
  void partitionedLeaderIsFenced(ControlPlane cp) {
    String node = "vk-e2e-ha-p";
    ApiProxy proxy = ApiProxy.inFrontOf(NodeIdentity.kubeconfig(cp, node));
    running.add(proxy);
    String viaProxy =
        proxy
            .kubeconfig(
                NodeIdentity.kubeconfig(cp, node), cp.stateDir().resolve("ha-proxy.kubeconfig"))
            .toString();
    NodeProcess old = replica(cp, node, 0, 10273, Map.of("kubeconfig", viaProxy));
    await("the replica behind the proxy leads")
        .atMost(PATIENCE)
        .until(() -> NodeLog.says(old, NodeLog.BECAME_LEADER));
    NodeProcess next = replica(cp, node, 1, 10274, Map.of());
    awaitReadyNode(cp, node);
    cp.kubectlWithInput(deployment("hap", node, 2), "apply", "-f", "-").orThrow();
    awaitRunning(cp, "hap", 2);
    PodReadyWatch watch = PodReadyWatch.start(cp, "default", "app=hap");
    running.add(watch);
    String oldIdentity = NodeLog.identity(old);

    int beforePartition = NodeLog.lines(old).size();
    proxy.partition();
    await("the other replica takes over")
        .atMost(PATIENCE)
        .until(() -> NodeLog.says(next, NodeLog.BECAME_LEADER));
    assertThat(NodeLog.time(old, NodeLog.LOST, beforePartition))
        .as("the old leader stopped before the new one began")
        .isBefore(NodeLog.time(next, NodeLog.BECAME_LEADER));
    long creates = calls(next, "create");
    long deletes = calls(next, "delete");

    // Work the old leader would undo if it still acted: from its frozen view of the API, new cloud
    // pods are orphans to delete and a replaced pod is one to create again.
    cp.kubectl("scale", "deployment/hap", "--replicas=4").orThrow();
    awaitRunning(cp, "hap", 4);
    String victim = apiPodKeys(cp, "hap").iterator().next().substring("default/".length());
    cp.kubectl("delete", "pod", victim, "--wait=true").orThrow();
    awaitRunning(cp, "hap", 4);
    proxy.heal();
    await("the old leader, back on the network, follows the new one")
        .atMost(PATIENCE)
        .until(() -> NodeLog.says(old, "held by " + NodeLog.identity(next) + "; following"));
    await("nothing changes behind the new leader's back")
        .during(Duration.ofSeconds(10))
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(MockCloud.podKeys(next.stateFile())).isEqualTo(apiPodKeys(cp, "hap"));
              assertThat(calls(next, "create")).isEqualTo(creates + 3);
              assertThat(calls(next, "delete")).isEqualTo(deletes + 1);
            });
    List<String> afterLoss = NodeLog.after(old, NodeLog.LOST, beforePartition);
    assertThat(afterLoss)
        .as("the old leader (%s) neither led again nor wrote", oldIdentity)
        .noneMatch(l -> l.contains(NodeLog.BECAME_LEADER))
        .noneMatch(l -> l.contains(" Event "))
        .noneMatch(l -> l.contains("Deleting orphan") || l.contains("Registered node"))
        .anyMatch(l -> l.contains("Node stopped"));
    assertThat(watch.flips()).as("pods seen leaving Ready:%n%s", watch.transcript()).isEmpty();
    cp.kubectl("delete", "deployment", "hap").orThrow();
  }

  private static void awaitReadyNode(ControlPlane cp, String node) {
    await("node " + node + " Ready")
        .atMost(PATIENCE)
        .until(
            () ->
                cp.kubectl(
                        "get",
                        "node",
                        node,
                        "-o",
                        "jsonpath={.status.conditions[?(@.type==\"Ready\")].status}")
                    .stdout()
                    .trim()
                    .equals("True"));
  }

  private static String deployment(String name, String node, int replicas) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: %s, namespace: default}
        spec:
          replicas: %d
          selector: {matchLabels: {app: %s}}
          template:
            metadata: {labels: {app: %s}}
            spec:
              nodeSelector: {kubernetes.io/hostname: %s}
              tolerations:
              - {key: virtual-kubelet.io/provider, operator: Exists, effect: NoSchedule}
              containers:
              - name: web
                image: mcr.microsoft.com/azuredocs/aci-helloworld
        """
        .formatted(name, replicas, name, name, node);
  }
}
