package dev.vk.testbed.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vk.testbed.cluster.ControlPlane;
import dev.vk.testbed.cluster.NodeReadyWatch;
import dev.vk.testbed.cluster.PodReadyWatch;
import dev.vk.testbed.cluster.RealCluster;
import dev.vk.testbed.node.MockCloud;
import dev.vk.testbed.node.NodeProcess;
import io.kubernetes.client.openapi.models.V1Pod;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Killing the node and starting it again: the cluster notices, and nothing is created twice. */
@RealCluster
class NodeRestartE2E {
  private static final String NODE = "vk-e2e-restart";
  private NodeProcess node;

  @AfterEach
  void stop() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  @DisplayName(
      "a killed node goes NotReady; restarted, it is Ready again and adopts its pods without creating them again")
  void killAndRestart(ControlPlane cp) {
    Cluster cluster = new Cluster(cp);
    node = NodeProcess.start(cp, NODE, 10261, Map.of());
    cluster.awaitReady(NODE, "True");
    cluster.apply(Cluster.deployment("survivor", NODE, 2, true));
    await("2 running pods")
        .atMost(Cluster.PATIENCE)
        .until(
            () ->
                cluster.pods("default", "app=survivor").stream()
                        .filter(p -> "Running".equals(p.getStatus().getPhase()))
                        .count()
                    == 2);
    Set<String> uids = uids(cluster.pods("default", "app=survivor"));
    long creates = MockCloud.calls(node.stateFile()).getOrDefault("create", 0L);
    assertThat(creates).isEqualTo(2);
    PodReadyWatch watch = PodReadyWatch.start(cp, "default", "app=survivor");

    node.kill();
    // The controller-manager marks a node whose lease expires Unknown (grace period 20 s here).
    cluster.awaitReady(NODE, "Unknown");

    node.restart();
    cluster.awaitReady(NODE, "True");
    await("the same pods run again, reported Running by the restarted node")
        .atMost(Cluster.PATIENCE)
        .untilAsserted(
            () -> {
              List<V1Pod> pods = cluster.pods("default", "app=survivor");
              assertThat(uids(pods)).isEqualTo(uids);
              assertThat(pods)
                  .allSatisfy(p -> assertThat(p.getStatus().getPhase()).isEqualTo("Running"));
            });
    // Unknown, the node's pods were marked not ready by the control plane; never not Running.
    try (watch) {
      assertThat(watch.phaseFlips()).as(watch.transcript()).isEmpty();
    }
    assertThat(MockCloud.calls(node.stateFile()).get("create"))
        .as("pods adopted, not created again; node log:%n%s", node.logTail())
        .isEqualTo(creates);
    assertThat(MockCloud.podKeys(node.stateFile())).hasSize(2);
    cp.kubectl("delete", "deployment", "survivor").orThrow();
    await().atMost(Cluster.PATIENCE).until(() -> MockCloud.podKeys(node.stateFile()).isEmpty());
  }

  @Test
  @DisplayName(
      "a node killed and started again at once (an upgrade): its pods never leave Running/Ready,"
          + " and nothing is created again")
  void quickRestartKeepsPodsReady(ControlPlane cp) throws Exception {
    String nodeName = NODE + "-quick";
    Cluster cluster = readyWith(cp, nodeName, 10265, "steady", 2);
    try (PodReadyWatch watch = PodReadyWatch.start(cp, "default", "app=steady");
        NodeReadyWatch nodeWatch = NodeReadyWatch.start(cp, nodeName)) {
      await("both pods seen Running and Ready")
          .atMost(Cluster.PATIENCE)
          .untilAsserted(() -> assertThat(watch.readyPods()).as(watch.transcript()).isEqualTo(2));
      Set<String> uids = uids(cluster.pods("default", "app=steady"));
      long creates = MockCloud.calls(node.stateFile()).getOrDefault("create", 0L);

      node.kill();
      long listed = MockCloud.calls(node.stateFile()).getOrDefault("getPods", 0L);
      node.restart();
      // The startup listing and one periodic reconcile later, any status it wrote is in the watch.
      await("the restarted node listed its pods twice")
          .atMost(Cluster.PATIENCE)
          .until(() -> MockCloud.calls(node.stateFile()).getOrDefault("getPods", 0L) >= listed + 2);

      String context = "watch:%n%s%nnode log:%n%s".formatted(watch.transcript(), node.logTail());
      assertThat(watch.phaseFlips()).as("pods that left Running; %s", context).isEmpty();
      // A restarted node renews its Lease before anything else, well within the
      // controller-manager's
      // grace period, so the node stays Ready and so must its pods.
      assertThat(nodeWatch.stayedReady()).as("the node stayed Ready; %s", context).isTrue();
      assertThat(watch.flips()).as("pods that left Running/Ready; %s", context).isEmpty();
      assertThat(uids(cluster.pods("default", "app=steady"))).isEqualTo(uids);
      assertThat(MockCloud.calls(node.stateFile()).get("create")).isEqualTo(creates);
    }
    cp.kubectl("delete", "deployment", "steady").orThrow();
    await().atMost(Cluster.PATIENCE).until(() -> MockCloud.podKeys(node.stateFile()).isEmpty());
  }

  @Test
  @DisplayName(
      "a pod deleted while the node was down is removed from the provider when it starts again")
  void orphanRemovedOnRestart(ControlPlane cp) {
    Cluster cluster = new Cluster(cp);
    node = NodeProcess.start(cp, NODE + "-o", 10262, Map.of());
    cluster.awaitReady(NODE + "-o", "True");
    cp.kubectlWithInput(
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: lonely, namespace: default}
            spec:
              nodeName: %s
              containers: [{name: c, image: busybox}]
            """
                .formatted(NODE + "-o"),
            "apply",
            "-f",
            "-")
        .orThrow();
    await()
        .atMost(Cluster.PATIENCE)
        .until(() -> MockCloud.podKeys(node.stateFile()).contains("default/lonely"));
    node.kill();
    cp.kubectl("delete", "pod", "lonely", "--force", "--grace-period=0").orThrow();
    node.restart();
    await("the orphan is deleted at the provider")
        .atMost(Cluster.PATIENCE)
        .until(() -> !MockCloud.podKeys(node.stateFile()).contains("default/lonely"));
  }

  @Test
  @DisplayName(
      "pods the provider lost while the node was down: Never fails with ProviderPodMissing, Always runs again")
  void lostWhileDown(ControlPlane cp) throws Exception {
    Cluster cluster = new Cluster(cp);
    String nodeName = NODE + "-lost";
    node = NodeProcess.start(cp, nodeName, 10264, Map.of());
    cluster.awaitReady(nodeName, "True");
    for (String policy : List.of("Never", "Always")) {
      cp.kubectlWithInput(
              """
              apiVersion: v1
              kind: Pod
              metadata: {name: lost-%s, namespace: default}
              spec:
                nodeName: %s
                restartPolicy: %s
                containers: [{name: c, image: busybox}]
              """
                  .formatted(policy.toLowerCase(), nodeName, policy),
              "apply",
              "-f",
              "-")
          .orThrow();
    }
    await("both run")
        .atMost(Cluster.PATIENCE)
        .until(
            () ->
                phase(cluster, "lost-never").equals("Running")
                    && phase(cluster, "lost-always").equals("Running"));
    node.kill();
    MockCloud.loseBehindTheNodesBack(node.stateFile(), "default", "lost-never");
    MockCloud.loseBehindTheNodesBack(node.stateFile(), "default", "lost-always");
    node.restart();
    await("Never: Failed with the reason")
        .atMost(Cluster.PATIENCE)
        .untilAsserted(
            () -> {
              V1Pod pod = cluster.api().readNamespacedPod("lost-never", "default").execute();
              assertThat(pod.getStatus().getPhase()).isEqualTo("Failed");
              assertThat(pod.getStatus().getReason()).isEqualTo("ProviderPodMissing");
            });
    await("Always: created again at the provider")
        .atMost(Cluster.PATIENCE)
        .until(() -> MockCloud.podKeys(node.stateFile()).contains("default/lost-always"));
    assertThat(MockCloud.podKeys(node.stateFile())).doesNotContain("default/lost-never");
    cp.kubectl("delete", "pod", "lost-never", "lost-always", "--wait=false").orThrow();
  }

  @Test
  @DisplayName("a node stopped as Kubernetes stops a container (SIGTERM) says so and logs no error")
  void stopsQuietly(ControlPlane cp) throws Exception {
    String nodeName = NODE + "-stop";
    readyWith(cp, nodeName, 10269, "stopping", 1);
    await("the pod runs")
        .atMost(Cluster.PATIENCE)
        .until(() -> MockCloud.podKeys(node.stateFile()).size() == 1);

    node.close();

    List<String> log = Files.readAllLines(node.log());
    assertThat(log).anyMatch(l -> l.contains("Node " + nodeName + " is stopping"));
    assertThat(log)
        .as("a normal stop: no error, no failed watch")
        .noneMatch(l -> l.contains(" ERROR ") || l.contains("watch failed"));
    cp.kubectl("delete", "deployment", "stopping", "--wait=false").orThrow();
  }

  /** Starts {@code nodeName} on {@code port}, waits for Ready, and applies a Deployment to it. */
  private Cluster readyWith(
      ControlPlane cp, String nodeName, int port, String deployment, int replicas) {
    Cluster cluster = new Cluster(cp);
    node = NodeProcess.start(cp, nodeName, port, Map.of());
    cluster.awaitReady(nodeName, "True");
    cluster.apply(Cluster.deployment(deployment, nodeName, replicas, true));
    return cluster;
  }

  private static String phase(Cluster cluster, String name) throws Exception {
    return cluster.api().readNamespacedPod(name, "default").execute().getStatus().getPhase();
  }

  private static Set<String> uids(List<V1Pod> pods) {
    return pods.stream().map(p -> p.getMetadata().getUid()).collect(Collectors.toSet());
  }
}
