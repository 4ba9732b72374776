package dev.vk.testbed.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vk.testbed.cluster.CommandResult;
import dev.vk.testbed.cluster.ControlPlane;
import dev.vk.testbed.cluster.RealCluster;
import dev.vk.testbed.node.NodeProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node in namespaced mode, running under the chart's namespaced RBAC (rendered with helm, a real
 * ServiceAccount token): it runs a pod of its namespace, secrets and all, and a pod of another
 * namespace gets a clear answer instead of silence.
 */
@RealCluster
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NamespacedNodeE2E {
  private static final Duration PATIENCE = Duration.ofMinutes(2);
  private static final String NODE = "vk-ns-node";
  private static final String RELEASE_NS = "vk-ns-release";
  private static final String SERVED = "vk-ns-served";
  private static final String OTHER = "vk-ns-other";

  private final ControlPlane cluster;
  private NodeProcess node;
  @TempDir static Path work;

  NamespacedNodeE2E(ControlPlane cluster) {
    this.cluster = cluster;
  }

  @BeforeAll
  void startNodeUnderTheChartsNamespacedRbac() throws IOException {
    Helm helm = Helm.build(ControlPlane.repoRoot(), work.resolve("helm-home"));
    for (String ns : List.of(RELEASE_NS, SERVED, OTHER)) {
      cluster
          .kubectlWithInput(
              "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + ns + "\n",
              "apply",
              "-f",
              "-")
          .orThrow();
    }
    String rendered =
        helm.run(
                "template",
                "vk",
                ControlPlane.repoRoot().resolve("charts/virtual-kubelet").toString(),
                "--namespace",
                RELEASE_NS,
                "--set",
                "nodeName=" + NODE,
                "--set",
                "rbac.namespaces={" + SERVED + "}",
                "--show-only",
                "templates/serviceaccount.yaml",
                "--show-only",
                "templates/clusterrole.yaml",
                "--show-only",
                "templates/node-lease-role.yaml",
                "--show-only",
                "templates/namespaced-roles.yaml",
                "--show-only",
                "templates/namespaces-policy.yaml",
                "--show-only",
                "templates/configmap.yaml")
            .orThrow()
            .stdout();
    assertThat(rendered).as("the chart sets the node's setting").contains("namespaces: " + SERVED);
    cluster.kubectlWithInput(rendered, "apply", "-f", "-").orThrow();
    String token =
        cluster
            .kubectl("create", "token", "vk-virtual-kubelet", "-n", RELEASE_NS, "--duration=1h")
            .orThrow()
            .stdout()
            .strip();
    node =
        NodeProcess.start(
            cluster,
            NODE,
            10290,
            Map.of(
                "kubeconfig",
                cluster.tokenKubeconfig(token, work.resolve("vk-ns.kubeconfig")).toString(),
                "namespaces",
                SERVED));
    await("node " + NODE + " is Ready")
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(
                        cluster
                            .kubectl(
                                "get",
                                "node",
                                NODE,
                                "-o",
                                "jsonpath={.status.conditions[?(@.type==\"Ready\")].status}")
                            .stdout())
                    .as(node.logTail())
                    .isEqualTo("True"));
  }

  @AfterAll
  void stop() {
    if (node != null) {
      node.close();
    }
    cluster.kubectl("delete", "node", NODE, "--wait=false");
    cluster.kubectl(
        "delete",
        "validatingadmissionpolicybinding/vk-virtual-kubelet-namespaces",
        "validatingadmissionpolicy/vk-virtual-kubelet-namespaces",
        "--ignore-not-found");
    cluster.kubectl("delete", "namespace", SERVED, OTHER, RELEASE_NS, "--wait=false");
  }

  @Test
  void aPodOfTheServedNamespaceRunsWithItsSecret() {
    cluster
        .kubectlWithInput(
            """
            apiVersion: v1
            kind: Secret
            metadata: {name: creds, namespace: %s}
            stringData: {password: s3cret}
            """
                .formatted(SERVED),
            "apply",
            "-f",
            "-")
        .orThrow();
    cluster.kubectlWithInput(pod(SERVED, "web"), "apply", "-f", "-").orThrow();
    await("the pod of " + SERVED + " runs")
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(
                        cluster
                            .kubectl(
                                "get",
                                "pod",
                                "web",
                                "-n",
                                SERVED,
                                "-o",
                                "jsonpath={.spec.nodeName} {.status.phase}")
                            .stdout())
                    .as(node.logTail())
                    .isEqualTo(NODE + " Running"));
  }

  @Test
  void aPodOfAnotherNamespaceIsRefusedWithTheReason() {
    String why = "namespace " + OTHER + " is not served by virtual node " + NODE;
    // Through the scheduler: its Binding is refused, and it says so on the pod.
    cluster.kubectlWithInput(pod(OTHER, "stray"), "apply", "-f", "-").orThrow();
    await("the scheduler reports the refusal on the pod")
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              assertThat(
                      cluster
                          .kubectl(
                              "get",
                              "events",
                              "-n",
                              OTHER,
                              "--field-selector",
                              "involvedObject.name=stray,reason=FailedScheduling",
                              "-o",
                              "jsonpath={.items[*].message}")
                          .stdout())
                  .contains(why);
              assertThat(
                      cluster
                          .kubectl(
                              "get",
                              "pod",
                              "stray",
                              "-n",
                              OTHER,
                              "-o",
                              "jsonpath={.status.conditions[?(@.type==\"PodScheduled\")].message}")
                          .stdout())
                  .contains(why);
            });
    assertThat(
            cluster
                .kubectl("get", "pod", "stray", "-n", OTHER, "-o", "jsonpath={.spec.nodeName}")
                .orThrow()
                .stdout())
        .isEmpty();
    // Created with spec.nodeName (no scheduler): the API server answers the creator.
    CommandResult direct =
        cluster.kubectlWithInput(
            pod(OTHER, "direct").replace("spec:\n", "spec:\n  nodeName: " + NODE + "\n"),
            "apply",
            "-f",
            "-");
    assertThat(direct.ok()).isFalse();
    assertThat(direct.stderr()).contains(why);
  }

  /** A pod meant for the virtual node: its taint tolerated, its hostname selected. */
  private static String pod(String ns, String name) {
    return """
        apiVersion: v1
        kind: Pod
        metadata: {name: %s, namespace: %s}
        spec:
          nodeSelector: {kubernetes.io/hostname: %s}
          tolerations: [{key: virtual-kubelet.io/provider, operator: Exists}]
          containers:
            - name: app
              image: nginx
              env:
                - name: PASSWORD
                  valueFrom: {secretKeyRef: {name: creds, key: password}}
        """
        .formatted(name, ns, NODE);
  }
}
