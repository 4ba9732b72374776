package dev.vk.testbed.e2e;

import static org.awaitility.Awaitility.await;

import dev.vk.testbed.cluster.ControlPlane;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1NodeCondition;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What the E2E tests ask the real API server, in the words of the assertions. */
final class Cluster {
  static final Duration PATIENCE = Duration.ofMinutes(2);

  private final ControlPlane cp;
  private final CoreV1Api api;

  Cluster(ControlPlane cp) {
    this.cp = cp;
    this.api = new CoreV1Api(cp.apiClient());
  }

  CoreV1Api api() {
    return api;
  }

  Optional<V1Node> node(String name) {
    try {
      return Optional.of(api.readNode(name).execute());
    } catch (ApiException e) {
      if (e.getCode() == 404) {
        return Optional.empty();
      }
      throw new IllegalStateException(e.getResponseBody(), e);
    }
  }

  /** The node's Ready condition status: True, False, Unknown, or "absent". */
  String ready(String name) {
    return node(name)
        .map(
            n ->
                n.getStatus() == null || n.getStatus().getConditions() == null
                    ? List.<V1NodeCondition>of()
                    : n.getStatus().getConditions())
        .flatMap(cs -> cs.stream().filter(c -> "Ready".equals(c.getType())).findFirst())
        .map(V1NodeCondition::getStatus)
        .orElse("absent");
  }

  void awaitReady(String name, String status) {
    await("node " + name + " Ready=" + status)
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> status.equals(ready(name)));
  }

  List<V1Pod> pods(String namespace, String labelSelector) {
    try {
      return api.listNamespacedPod(namespace).labelSelector(labelSelector).execute().getItems();
    } catch (ApiException e) {
      throw new IllegalStateException(e.getResponseBody(), e);
    }
  }

  void apply(String yaml) {
    cp.kubectlWithInput(yaml, "apply", "-f", "-").orThrow();
  }

  /** A Deployment of {@code replicas} pods aimed at the node, tolerating its taint or not. */
  static String deployment(String name, String node, int replicas, boolean tolerate) {
    String toleration =
        tolerate
            ? """
                  tolerations:
                  - key: virtual-kubelet.io/provider
                    operator: Exists
                    effect: NoSchedule
            """
            : "";
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: %s
          namespace: default
        spec:
          replicas: %d
          selector:
            matchLabels: {app: %s}
          template:
            metadata:
              labels: {app: %s}
            spec:
              nodeSelector:
                kubernetes.io/hostname: %s
        %s      containers:
              - name: web
                image: mcr.microsoft.com/azuredocs/aci-helloworld
                resources:
                  requests: {cpu: 100m, memory: 128Mi}
        """
        .formatted(name, replicas, name, name, node, toleration);
  }
}
