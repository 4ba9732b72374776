package dev.vk.provider.aci;

import dev.vk.provider.aci.arm.GroupNames;
import dev.vk.provider.testkit.Pods;
import io.kubernetes.client.openapi.models.V1Pod;
import java.util.List;

/** Pods for the provider's own tests, created in a unique namespace. */
final class TestPods {

  private TestPods() {}

  static V1Pod sleeper() {
    return Pods.pod(Pods.uniqueName("ns"), Pods.uniqueName("pod"));
  }

  static V1Pod running(String script) {
    V1Pod pod = Pods.pod(Pods.uniqueName("ns"), Pods.uniqueName("pod"), Pods.container("app"));
    pod.getSpec().getContainers().get(0).command(List.of("sh", "-c", script));
    return pod;
  }

  static String group(V1Pod pod) {
    return GroupNames.of(
        Emulators.CLUSTER_ID, pod.getMetadata().getNamespace(), pod.getMetadata().getName());
  }
}
