package dev.vk.testbed.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code kubectl auth can-i} arguments for what a node's RBAC must allow and must refuse: every
 * call the node makes (provider/node kube/, events/, node/, pod/, api/, and the providers'
 * KubernetesAccess), and what a stolen node credential must not reach.
 */
final class NodeGrants {
  private static final String LEASES = "leases.coordination.k8s.io";

  private NodeGrants() {}

  /** All a node serving {@code podNamespace} needs: its own objects plus that namespace. */
  static List<List<String>> needs(String node, String podNamespace) {
    List<List<String>> all = new ArrayList<>(ownNode(node));
    all.addAll(inNamespace(podNamespace));
    return all;
  }

  /** Cluster-wide and kube-node-lease rights, the same in both modes. */
  static List<List<String>> ownNode(String node) {
    return List.of(
        List.of("create", "nodes"),
        List.of("get", "nodes/" + node),
        List.of("list", "nodes/" + node),
        List.of("watch", "nodes/" + node),
        List.of("patch", "nodes/" + node),
        List.of("patch", "nodes/" + node, "--subresource=status"),
        List.of("list", "pods", "--all-namespaces"),
        List.of("watch", "pods", "--all-namespaces"),
        List.of("create", LEASES, "-n", "kube-node-lease"),
        List.of("get", LEASES + "/" + node, "-n", "kube-node-lease"),
        List.of("update", LEASES + "/" + node, "-n", "kube-node-lease"),
        List.of("create", "tokenreviews.authentication.k8s.io"),
        List.of("create", "subjectaccessreviews.authorization.k8s.io"));
  }

  /** What the node does for the pods of one namespace it serves. */
  static List<List<String>> inNamespace(String ns) {
    return List.of(
        List.of("delete", "pods", "-n", ns),
        List.of("patch", "pods", "--subresource=status", "-n", ns),
        List.of("get", "secrets", "-n", ns),
        List.of("get", "configmaps", "-n", ns),
        List.of("list", "configmaps", "-n", ns),
        List.of("watch", "configmaps", "-n", ns),
        List.of("list", "services", "-n", ns),
        List.of("get", "services", "-n", ns),
        List.of("watch", "services", "-n", ns),
        List.of("get", "serviceaccounts", "-n", ns),
        List.of("list", "serviceaccounts", "-n", ns),
        List.of("watch", "serviceaccounts", "-n", ns),
        List.of("create", "serviceaccounts", "--subresource=token", "-n", ns),
        List.of("create", "events", "-n", ns),
        List.of("patch", "events", "-n", ns));
  }

  /**
   * Never, in either mode: other nodes, other leases, kube-system, and writes a node never makes.
   */
  static List<List<String>> mustNot(String node) {
    String other = node + "-other";
    return List.of(
        List.of("get", "nodes/" + other),
        List.of("patch", "nodes/" + other),
        List.of("patch", "nodes/" + other, "--subresource=status"),
        List.of("update", "nodes/" + other),
        List.of("list", "nodes"),
        List.of("watch", "nodes"),
        List.of("delete", "nodes/" + node),
        List.of("update", "nodes/" + node),
        List.of("get", LEASES + "/" + other, "-n", "kube-node-lease"),
        List.of("update", LEASES + "/" + other, "-n", "kube-node-lease"),
        List.of("patch", LEASES + "/" + other, "-n", "kube-node-lease"),
        List.of("delete", LEASES + "/" + node, "-n", "kube-node-lease"),
        List.of("list", LEASES, "-n", "kube-node-lease"),
        List.of("create", LEASES, "-n", "kube-system"),
        List.of("get", LEASES + "/kube-controller-manager", "-n", "kube-system"),
        List.of("update", LEASES + "/kube-controller-manager", "-n", "kube-system"),
        List.of("update", LEASES + "/kube-scheduler", "-n", "kube-system"),
        List.of("create", LEASES, "-n", "default"),
        List.of("create", "pods", "-n", "default"),
        List.of("update", "pods", "-n", "default"),
        List.of("patch", "pods", "-n", "default"),
        List.of("list", "secrets", "-n", "default"),
        List.of("watch", "secrets", "--all-namespaces"),
        List.of("create", "secrets", "-n", "default"),
        List.of("update", "secrets", "-n", "default"),
        List.of("delete", "configmaps", "-n", "default"),
        List.of("create", "serviceaccounts", "-n", "default"),
        List.of("create", "deployments.apps", "-n", "default"),
        List.of("create", "clusterrolebindings.rbac.authorization.k8s.io"),
        List.of("impersonate", "serviceaccounts", "-n", "default"));
  }
}
