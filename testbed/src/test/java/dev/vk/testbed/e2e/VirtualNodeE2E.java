package dev.vk.testbed.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vk.testbed.cluster.ControlPlane;
import dev.vk.testbed.cluster.RealCluster;
import dev.vk.testbed.node.MockCloud;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import io.kubernetes.client.openapi.models.V1Taint;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** A mock-provider node on the real control plane: registration, scheduling, scale, delete. */
@RealCluster
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VirtualNodeE2E {
  private static final String NODE = "vk-e2e-basic";
  private static ControlPlane cp;
  private static Cluster cluster;
  private static MockNode node;

  @BeforeAll
  static void startNode(ControlPlane controlPlane) {
    cp = controlPlane;
    cluster = new Cluster(cp);
    node = MockNode.start(cp, NODE, 10260);
  }

  @AfterAll
  static void stopNode() {
    MockNode.stop(node);
  }

  @Test
  @Order(1)
  @DisplayName("the node registers Ready with its taint and labels, and kubectl lists it")
  void registers() {
    V1Node n = cluster.node(NODE).orElseThrow();
    assertThat(n.getMetadata().getLabels())
        .containsEntry("type", "virtual-kubelet")
        .containsEntry("kubernetes.io/role", "agent")
        .containsEntry("kubernetes.io/hostname", NODE)
        .containsEntry("kubernetes.io/os", "linux");
    List<V1Taint> taints = n.getSpec().getTaints();
    assertThat(taints)
        .anySatisfy(
            t -> {
              assertThat(t.getKey()).isEqualTo("virtual-kubelet.io/provider");
              assertThat(t.getValue()).isEqualTo("mock");
              assertThat(t.getEffect()).isEqualTo("NoSchedule");
            });
    assertThat(n.getStatus().getAddresses())
        .anySatisfy(a -> assertThat(a.getAddress()).isEqualTo(cp.nodeAddress()));
    assertThat(n.getStatus().getDaemonEndpoints().getKubeletEndpoint().getPort()).isEqualTo(10260);
    String listed = cp.kubectl("get", "nodes", "-o", "wide").orThrow().stdout();
    assertThat(listed).containsPattern(NODE + "\\s+Ready\\s+agent");
    String lease =
        cp.kubectl(
                "get",
                "lease",
                NODE,
                "-n",
                "kube-node-lease",
                "-o",
                "jsonpath={.spec.holderIdentity}")
            .orThrow()
            .stdout();
    assertThat(lease).isEqualTo(NODE);
  }

  @Test
  @Order(2)
  @DisplayName(
      "a tolerating Deployment of 3 runs on the node with pod IPs; without toleration it stays Pending")
  void schedulesDeployment() {
    cluster.apply(Cluster.deployment("web", NODE, 3, true));
    await("3 running web pods")
        .atMost(Cluster.PATIENCE)
        .untilAsserted(
            () -> {
              List<V1Pod> pods = cluster.pods("default", "app=web");
              assertThat(pods).hasSize(3);
              assertThat(pods)
                  .allSatisfy(
                      p -> {
                        assertThat(p.getSpec().getNodeName()).isEqualTo(NODE);
                        assertThat(p.getStatus().getPhase()).isEqualTo("Running");
                        assertThat(p.getStatus().getPodIP()).isNotBlank();
                        // Nothing left over from Pending: no reason on a Ready condition that
                        // is True, no waiting state beside the running one.
                        assertThat(p.getStatus().getConditions())
                            .filteredOn(c -> c.getType().equals("Ready"))
                            .singleElement()
                            .satisfies(
                                c -> {
                                  assertThat(c.getStatus()).isEqualTo("True");
                                  assertThat(c.getReason()).isNull();
                                });
                        assertThat(p.getStatus().getContainerStatuses())
                            .allSatisfy(c -> assertThat(c.getState().getWaiting()).isNull());
                      });
            });
    assertThat(MockCloud.podKeys(node.process.stateFile())).hasSize(3);
    String wide = cp.kubectl("get", "pods", "-l", "app=web", "-o", "wide").orThrow().stdout();
    assertThat(wide.lines().skip(1))
        .hasSize(3)
        .allSatisfy(line -> assertThat(line).contains(NODE).contains("Running"));

    cluster.apply(Cluster.deployment("untolerated", NODE, 1, false));
    await("the untolerating pod is unschedulable")
        .atMost(Cluster.PATIENCE)
        .untilAsserted(
            () -> {
              List<V1Pod> pods = cluster.pods("default", "app=untolerated");
              assertThat(pods).hasSize(1);
              V1Pod pod = pods.get(0);
              assertThat(pod.getStatus().getPhase()).isEqualTo("Pending");
              assertThat(pod.getSpec().getNodeName()).isNull();
              V1PodCondition scheduled =
                  pod.getStatus().getConditions().stream()
                      .filter(c -> c.getType().equals("PodScheduled"))
                      .findFirst()
                      .orElseThrow();
              assertThat(scheduled.getReason()).isEqualTo("Unschedulable");
              assertThat(scheduled.getMessage()).contains("untolerated taint");
            });
    cp.kubectl("delete", "deployment", "untolerated").orThrow();
  }

  @Test
  @Order(3)
  @DisplayName("scaling down and deleting remove pods at the provider and in the API")
  void scaleDownAndDelete() {
    cp.kubectl("scale", "deployment", "web", "--replicas=1").orThrow();
    await("one web pod left, in the API and at the provider")
        .atMost(Cluster.PATIENCE)
        .untilAsserted(
            () -> {
              assertThat(cluster.pods("default", "app=web")).hasSize(1);
              assertThat(webAtProvider()).hasSize(1);
            });
    cp.kubectl("delete", "deployment", "web", "--wait=false").orThrow();
    await("no web pod anywhere")
        .atMost(Cluster.PATIENCE)
        .untilAsserted(
            () -> {
              assertThat(cluster.pods("default", "app=web")).isEmpty();
              assertThat(webAtProvider()).isEmpty();
            });
  }

  @Test
  @Order(4)
  @DisplayName("a force delete removes the pod from the API at once and from the provider")
  void forceDelete() {
    cluster.apply(Cluster.deployment("forced", NODE, 1, true));
    await().atMost(Cluster.PATIENCE).until(() -> running("app=forced") == 1);
    String pod = cluster.pods("default", "app=forced").get(0).getMetadata().getName();
    cp.kubectl("delete", "pod", pod, "--force", "--grace-period=0").orThrow();
    await("the force-deleted pod is gone at the provider")
        .atMost(Cluster.PATIENCE)
        .until(() -> !MockCloud.podKeys(node.process.stateFile()).contains("default/" + pod));
    cp.kubectl("delete", "deployment", "forced").orThrow();
    await()
        .atMost(Cluster.PATIENCE)
        .until(
            () ->
                MockCloud.podKeys(node.process.stateFile()).stream()
                    .noneMatch(k -> k.startsWith("default/forced-")));
  }

  @Test
  @Order(5)
  @DisplayName(
      "a deleted Node object is registered again, Ready, with a new UID and a lease it owns")
  void nodeRecreatedAfterDelete() {
    String before = cluster.node(NODE).orElseThrow().getMetadata().getUid();
    cp.kubectl("delete", "node", NODE).orThrow();
    await("the node is back")
        .atMost(Cluster.PATIENCE)
        .untilAsserted(
            () -> {
              V1Node n = cluster.node(NODE).orElseThrow();
              assertThat(n.getMetadata().getUid()).isNotEqualTo(before);
              assertThat(n.getSpec().getTaints()).isNotEmpty();
            });
    cluster.awaitReady(NODE, "True");
    String uid = cluster.node(NODE).orElseThrow().getMetadata().getUid();
    await("the lease is owned by the new node")
        .atMost(Cluster.PATIENCE)
        .until(
            () ->
                cp.kubectl(
                        "get",
                        "lease",
                        NODE,
                        "-n",
                        "kube-node-lease",
                        "-o",
                        "jsonpath={.metadata.ownerReferences[0].uid}")
                    .stdout()
                    .equals(uid));
  }

  private static long running(String selector) {
    return cluster.pods("default", selector).stream()
        .filter(p -> "Running".equals(p.getStatus().getPhase()))
        .count();
  }

  private static Set<String> webAtProvider() {
    return MockCloud.podKeys(node.process.stateFile()).stream()
        .filter(k -> k.startsWith("default/web-"))
        .collect(Collectors.toSet());
  }
}
