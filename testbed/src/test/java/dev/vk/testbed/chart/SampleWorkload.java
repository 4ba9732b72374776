package dev.vk.testbed.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vk.testbed.cluster.ControlPlane;
import java.time.Duration;

/** A Deployment aimed at a virtual node as the README says, and what a user checks on its pod. */
final class SampleWorkload {
  private static final Duration PATIENCE = Duration.ofMinutes(2);

  private SampleWorkload() {}

  /** Its pod is Running on {@code node}; {@code kubectl logs} and {@code kubectl exec} answer. */
  static void runsOn(ControlPlane cluster, String node, String namespace) {
    cluster
        .kubectlWithInput(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: sample, namespace: %s}
            spec:
              replicas: 1
              selector: {matchLabels: {app: sample}}
              template:
                metadata: {labels: {app: sample}}
                spec:
                  nodeSelector: {type: virtual-kubelet, kubernetes.io/hostname: %s}
                  tolerations:
                    - {key: virtual-kubelet.io/provider, operator: Exists, effect: NoSchedule}
                  containers:
                    - {name: app, image: busybox}
            """
                .formatted(namespace, node),
            "apply",
            "-f",
            "-")
        .orThrow();
    String[] pod = new String[1];
    await("sample pod Running on " + node)
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              String out =
                  cluster
                      .kubectl(
                          "get",
                          "pods",
                          "-n",
                          namespace,
                          "-l",
                          "app=sample",
                          "-o",
                          "jsonpath={.items[0].metadata.name} {.items[0].spec.nodeName}"
                              + " {.items[0].status.phase}")
                      .stdout();
              assertThat(out).endsWith(" " + node + " Running");
              pod[0] = out.split(" ")[0];
            });
    await("kubectl logs " + pod[0])
        .atMost(PATIENCE)
        .until(
            () -> !cluster.kubectl("logs", "-n", namespace, pod[0]).orThrow().stdout().isBlank());
    assertThat(
            cluster.kubectl("exec", "-n", namespace, pod[0], "--", "echo", "hi").orThrow().stdout())
        .isEqualTo("hi\n");
  }
}
