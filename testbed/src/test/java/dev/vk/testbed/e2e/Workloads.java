package dev.vk.testbed.e2e;

import static org.awaitility.Awaitility.await;

import dev.vk.testbed.cluster.ControlPlane;
import io.kubernetes.client.openapi.models.V1Pod;
import java.util.Map;
import java.util.stream.Collectors;

/** Bare pods bound to a test node, with the mock provider's behaviour annotations. */
final class Workloads {
  private Workloads() {}

  /** Creates a pod on {@code node} and waits until it runs. */
  static V1Pod runningPod(
      ControlPlane cp,
      String node,
      String name,
      String restartPolicy,
      Map<String, String> annotations) {
    String notes =
        annotations.entrySet().stream()
            .map(e -> "    " + e.getKey() + ": \"" + e.getValue() + "\"")
            .collect(Collectors.joining("\n"));
    cp.kubectlWithInput(
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: %s
              namespace: default
              annotations:
            %s
            spec:
              nodeName: %s
              restartPolicy: %s
              containers:
              - name: app
                image: busybox
                env: [{name: GREETING, value: hello}]
            """
                .formatted(name, notes.isEmpty() ? "    {}" : notes, node, restartPolicy)
                .replace("annotations:\n    {}", "annotations: {}"),
            "apply",
            "-f",
            "-")
        .orThrow();
    Cluster cluster = new Cluster(cp);
    await(name + " running")
        .atMost(Cluster.PATIENCE)
        .until(
            () ->
                "Running"
                    .equals(
                        cluster
                            .api()
                            .readNamespacedPod(name, "default")
                            .execute()
                            .getStatus()
                            .getPhase()));
    try {
      return cluster.api().readNamespacedPod(name, "default").execute();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
