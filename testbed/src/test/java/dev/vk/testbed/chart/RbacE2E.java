package dev.vk.testbed.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vk.testbed.cluster.CommandResult;
import dev.vk.testbed.cluster.ControlPlane;
import dev.vk.testbed.cluster.RealCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chart's RBAC, rendered with helm and applied to the real API server, in both modes: the
 * chart's ServiceAccount (impersonated) may do what the node calls and nothing else: no other node,
 * no other Lease, nothing in kube-system, no secrets or tokens outside the served namespaces.
 */
@RealCluster
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RbacE2E {
  private static final String TEAM_A = "vk-rbac-team-a";
  private static final String TEAM_B = "vk-rbac-team-b";
  private static final String OTHER = "vk-rbac-other";

  private final ControlPlane cluster;
  private final Path chart = ControlPlane.repoRoot().resolve("charts/virtual-kubelet");
  private Helm helm;
  @TempDir static Path work;

  RbacE2E(ControlPlane cluster) {
    this.cluster = cluster;
  }

  @BeforeAll
  void buildHelmAndNamespaces() {
    helm = Helm.build(ControlPlane.repoRoot(), work.resolve("helm-home"));
    for (String ns : List.of(TEAM_A, TEAM_B, OTHER, "vk-rbac-all", "vk-rbac-ns")) {
      cluster.kubectlWithInput(namespace(ns), "apply", "-f", "-").orThrow();
    }
  }

  @AfterAll
  void deleteNamespaces() {
    cluster.kubectl(
        "delete", "namespace", TEAM_A, TEAM_B, OTHER, "vk-rbac-all", "vk-rbac-ns", "--wait=false");
  }

  @Test
  void allNamespacesModeAllowsTheOwnNodeAndPodsEverywhereButNothingElse() {
    String node = "vk-rbac-all-node";
    String subject = applyRbac("rbac-all", "vk-rbac-all", node, List.of());
    assertAllowed(subject, NodeGrants.needs(node, OTHER));
    assertAllowed(subject, NodeGrants.inNamespace("kube-system"));
    assertRefused(subject, NodeGrants.mustNot(node));
  }

  @Test
  void namespacedModeAllowsPodRightsOnlyInTheListedNamespaces() {
    String node = "vk-rbac-ns-node";
    String subject = applyRbac("rbac-ns", "vk-rbac-ns", node, List.of(TEAM_A, TEAM_B));
    assertAllowed(subject, NodeGrants.ownNode(node));
    assertAllowed(subject, NodeGrants.inNamespace(TEAM_A));
    assertAllowed(subject, NodeGrants.inNamespace(TEAM_B));
    assertRefused(subject, NodeGrants.mustNot(node));
    for (String ns : List.of(OTHER, "kube-system", "default", "vk-rbac-ns")) {
      assertRefused(subject, NodeGrants.inNamespace(ns));
    }
    assertAllowed(
        subject,
        List.of(
            List.of("get", "services/kubernetes", "-n", "default"),
            List.of("watch", "services/kubernetes", "-n", "default")));
    assertRefused(
        subject,
        List.of(
            List.of("get", "services/other", "-n", "default"),
            List.of("watch", "services", "-n", "default"),
            List.of("get", "secrets", "--all-namespaces"),
            List.of("watch", "secrets", "--all-namespaces"),
            List.of("list", "configmaps", "--all-namespaces"),
            List.of("create", "serviceaccounts", "--subresource=token", "--all-namespaces"),
            List.of("create", "events", "--all-namespaces")));
  }

  /**
   * Namespaced mode's admission policy: a pod of another namespace is never bound to the node, and
   * whoever tries gets the reason (the scheduler gets it for its Binding).
   */
  @Test
  void namespacedModeRefusesToBindPodsOfOtherNamespacesToTheNode() throws IOException {
    String node = "vk-rbac-bind-node";
    applyRbac("rbac-bind", "vk-rbac-ns", node, List.of(TEAM_A));
    String why = "namespace " + OTHER + " is not served by virtual node " + node;
    await("the admission policy is in force")
        .atMost(Duration.ofMinutes(1))
        .untilAsserted(
            () ->
                assertThat(createDryRun(pod(OTHER, "direct", node)).stderr())
                    .contains(why)
                    .contains("it runs only pods of the namespaces " + TEAM_A));
    assertThat(createDryRun(pod(TEAM_A, "direct", node)).ok()).as("served namespace").isTrue();
    assertThat(createDryRun(pod(OTHER, "elsewhere", "some-real-node")).ok())
        .as("other nodes are not concerned")
        .isTrue();
    // A Binding, as the scheduler sends it.
    cluster.kubectlWithInput(pod(OTHER, "unbound", null), "apply", "-f", "-").orThrow();
    Path binding = work.resolve("binding.json");
    Files.writeString(
        binding,
        """
        {"apiVersion":"v1","kind":"Binding","metadata":{"name":"unbound"},
         "target":{"apiVersion":"v1","kind":"Node","name":"%s"}}
        """
            .formatted(node));
    CommandResult bind =
        cluster.kubectl(
            "create",
            "--raw",
            "/api/v1/namespaces/" + OTHER + "/pods/unbound/binding",
            "-f",
            binding.toString());
    assertThat(bind.ok()).isFalse();
    assertThat(bind.stderr()).contains(why);
    assertThat(
            cluster
                .kubectl("get", "pod", "unbound", "-n", OTHER, "-o", "jsonpath={.spec.nodeName}")
                .orThrow()
                .stdout())
        .isEmpty();
  }

  /** Renders the ServiceAccount and RBAC templates, applies them, returns the account's user. */
  private String applyRbac(String release, String ns, String node, List<String> namespaces) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "template",
                release,
                chart.toString(),
                "--namespace",
                ns,
                "--set",
                "nodeName=" + node,
                "--show-only",
                "templates/serviceaccount.yaml",
                "--show-only",
                "templates/clusterrole.yaml",
                "--show-only",
                "templates/node-lease-role.yaml"));
    if (!namespaces.isEmpty()) {
      args.addAll(
          List.of(
              "--set",
              "rbac.namespaces={" + String.join(",", namespaces) + "}",
              "--show-only",
              "templates/namespaced-roles.yaml",
              "--show-only",
              "templates/namespaces-policy.yaml"));
    }
    String rendered = helm.run(args.toArray(String[]::new)).orThrow().stdout();
    cluster.kubectlWithInput(rendered, "apply", "-f", "-").orThrow();
    return "system:serviceaccount:" + ns + ":" + release + "-virtual-kubelet";
  }

  private void assertAllowed(String subject, List<List<String>> checks) {
    for (List<String> check : checks) {
      assertThat(canI(subject, check)).as("%s may %s", subject, check).isTrue();
    }
  }

  private void assertRefused(String subject, List<List<String>> checks) {
    for (List<String> check : checks) {
      assertThat(canI(subject, check)).as("%s may not %s", subject, check).isFalse();
    }
  }

  private boolean canI(String subject, List<String> check) {
    List<String> args = new ArrayList<>(List.of("auth", "can-i"));
    args.addAll(check);
    args.add("--as=" + subject);
    CommandResult r = cluster.kubectl(args.toArray(String[]::new));
    String answer = r.stdout().strip();
    if (!answer.equals("yes") && !answer.equals("no")) {
      throw new IllegalStateException("unexpected answer: " + r);
    }
    return r.ok() && answer.equals("yes");
  }

  private CommandResult createDryRun(String pod) {
    return cluster.kubectlWithInput(pod, "create", "--dry-run=server", "-f", "-");
  }

  private static String pod(String ns, String name, String nodeName) {
    return """
        apiVersion: v1
        kind: Pod
        metadata: {name: %s, namespace: %s}
        spec:
          %s
          containers: [{name: app, image: nginx}]
        """
        .formatted(name, ns, nodeName == null ? "" : "nodeName: " + nodeName);
  }

  private static String namespace(String name) {
    return "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + name + "\n";
  }
}
