package dev.vk.testbed.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vk.testbed.cluster.ControlPlane;
import dev.vk.testbed.cluster.RealCluster;
import dev.vk.testbed.node.MockCloud;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1Pod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pods that reference a ConfigMap or Secret that does not exist: optional ones run and say so in an
 * Event; mandatory ones never reach the provider and say why (virtual-kubelet's e2e cases).
 */
@RealCluster
class MissingReferencesE2E {
  private static final String NODE = "vk-e2e-env";
  private static ControlPlane cp;
  private static Cluster cluster;
  private static MockNode node;

  @BeforeAll
  static void startNode(ControlPlane controlPlane) {
    cp = controlPlane;
    cluster = new Cluster(cp);
    node = MockNode.start(cp, NODE, 10263);
  }

  @AfterAll
  static void stopNode() {
    MockNode.stop(node);
  }

  @ParameterizedTest(name = "{0} {1}: event {2}")
  @CsvSource({
    "configMapKeyRef, true,  OptionalConfigMapNotFound",
    "configMapKeyRef, false, MandatoryConfigMapNotFound",
    "secretKeyRef,    true,  OptionalSecretNotFound",
    "secretKeyRef,    false, MandatorySecretNotFound",
  })
  void missingReference(String ref, boolean optional, String reason) {
    String name = ("ref-" + ref + "-" + optional).toLowerCase();
    cp.kubectlWithInput(
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: %s, namespace: default}
            spec:
              nodeName: %s
              containers:
              - name: c
                image: busybox
                env:
                - name: FROM_MISSING
                  valueFrom:
                    %s: {name: does-not-exist, key: key_0, optional: %s}
            """
                .formatted(name, NODE, ref, optional),
            "apply",
            "-f",
            "-")
        .orThrow();
    await("event " + reason)
        .atMost(Cluster.PATIENCE)
        .untilAsserted(
            () ->
                assertThat(
                        cluster
                            .api()
                            .listNamespacedEvent("default")
                            .fieldSelector("involvedObject.name=" + name)
                            .execute()
                            .getItems())
                    .extracting(CoreV1Event::getReason)
                    .contains(reason));
    if (optional) {
      await("optional: the pod runs")
          .atMost(Cluster.PATIENCE)
          .until(() -> "Running".equals(phase(name)));
      assertThat(MockCloud.podKeys(node.process.stateFile())).contains("default/" + name);
    } else {
      await("mandatory: the pod waits with CreateContainerConfigError")
          .atMost(Cluster.PATIENCE)
          .untilAsserted(
              () -> {
                V1Pod pod = cluster.api().readNamespacedPod(name, "default").execute();
                assertThat(pod.getStatus().getPhase()).isEqualTo("Pending");
                assertThat(
                        pod.getStatus()
                            .getContainerStatuses()
                            .get(0)
                            .getState()
                            .getWaiting()
                            .getReason())
                    .isEqualTo("CreateContainerConfigError");
                assertThat(
                        pod.getStatus()
                            .getContainerStatuses()
                            .get(0)
                            .getState()
                            .getWaiting()
                            .getMessage())
                    .contains("does-not-exist");
              });
      assertThat(MockCloud.podKeys(node.process.stateFile())).doesNotContain("default/" + name);
    }
    cp.kubectl("delete", "pod", name, "--wait=false").orThrow();
  }

  private static String phase(String name) throws Exception {
    return cluster.api().readNamespacedPod(name, "default").execute().getStatus().getPhase();
  }
}
