package dev.vk.provider.aci.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.resourcemanager.containerinstance.fluent.models.ContainerGroupInner;
import com.azure.resourcemanager.containerinstance.models.ContainerGroupPriority;
import com.azure.resourcemanager.containerinstance.models.ContainerGroupSku;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.aci.config.AciSettings;
import dev.vk.provider.testkit.Pods;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What an update of a running pod does: a redeploy (PUT) of what ACI updates in place, nothing when
 * nothing ACI runs changed, otherwise INVALID_INPUT saying the change needs a new pod (the node
 * posts it as a ProviderUpdateFailed event). Both sides come from the mapper, as in updatePod.
 */
class PodUpdatesTest {

  private static final AciSettings.PodDefaults DEFAULTS =
      new AciSettings.PodDefaults(
          "Linux", 1.0, 1.5, 4, 16, List.of(), "annotation", "V100", "cluster-1", "vk-node");
  private static final PodMapper MAPPER = new PodMapper(DEFAULTS, "westeurope", KubeObjects.NONE);
  private static final String NONE = "NONE";
  private static final String REDEPLOY = "REDEPLOY";

  static Stream<Arguments> updates() {
    return Stream.of(
        update("nothing changed", p -> {}, NONE),
        update("labels changed", p -> p.getMetadata().putLabelsItem("tier", "web"), NONE),
        update(
            "an env value changed (running containers keep their environment, as on a kubelet)",
            p -> app(p).env(List.of(new V1EnvVar().name("MODE").value("fast"))),
            NONE),
        update("image changed", p -> app(p).image("busybox:1.37"), REDEPLOY),
        update("command changed", p -> app(p).command(List.of("sleep", "60")), REDEPLOY),
        update("args changed", p -> app(p).args(List.of("--verbose")), REDEPLOY),
        update(
            "DNS name label annotation changed",
            p -> p.getMetadata().putAnnotationsItem("virtualkubelet.io/dnsnamelabel", "web-2"),
            REDEPLOY),
        update(
            "restart policy changed",
            p -> p.getSpec().setRestartPolicy("Never"),
            "restartPolicy changed from Always to Never"),
        update(
            "OS changed",
            p -> p.getSpec().putNodeSelectorItem("kubernetes.io/os", "windows"),
            "osType changed from Linux to Windows"),
        update(
            "Spot annotation added",
            p -> p.getMetadata().putAnnotationsItem("azure.vk.dev/priority", "Spot"),
            "priority changed from Regular to Spot"),
        update(
            "confidential SKU annotation added",
            p ->
                p.getMetadata()
                    .putAnnotationsItem("virtual-kubelet.io/container-sku", "Confidential"),
            "sku changed from Standard to Confidential"),
        update(
            "cpu request changed",
            p -> resources(app(p)).putRequestsItem("cpu", Quantity.fromString("500m")),
            "resources of container app changed"),
        update(
            "memory request changed",
            p -> resources(app(p)).putRequestsItem("memory", Quantity.fromString("2G")),
            "resources of container app changed"),
        update(
            "cpu limit changed",
            p -> resources(app(p)).putLimitsItem("cpu", Quantity.fromString("2")),
            "resources of container app changed"),
        update(
            "GPU added",
            p -> resources(app(p)).putLimitsItem("nvidia.com/gpu", Quantity.fromString("1")),
            "resources of container app changed"),
        update(
            "container added",
            p -> p.getSpec().addContainersItem(Pods.container("extra")),
            "the set of containers changed"),
        update(
            "container renamed",
            p -> p.getSpec().getContainers().get(1).name("helper"),
            "the set of containers changed"));
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @MethodSource("updates")
  void anUpdateRedeploysDoesNothingOrNeedsANewPod(
      String change, Consumer<V1Pod> edit, String expected) throws Exception {
    ContainerGroupInner current = MAPPER.map(pod());
    V1Pod updated = pod();
    edit.accept(updated);
    ContainerGroupInner desired = MAPPER.map(updated);

    if (expected.equals(NONE) || expected.equals(REDEPLOY)) {
      assertThat(PodUpdates.decide(current, desired).name()).isEqualTo(expected);
    } else {
      assertThatThrownBy(() -> PodUpdates.decide(current, desired))
          .isInstanceOfSatisfying(
              ProviderException.class,
              e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID_INPUT))
          .hasMessage(
              "ACI cannot update this in a running container group ("
                  + expected
                  + "); it needs a new pod");
    }
  }

  @Test
  void armsExplicitDefaultsAreNoChange() throws Exception {
    ContainerGroupInner asArmReturnsIt =
        MAPPER
            .map(pod())
            .withSku(ContainerGroupSku.STANDARD)
            .withPriority(ContainerGroupPriority.REGULAR);

    assertThat(PodUpdates.decide(asArmReturnsIt, MAPPER.map(pod())))
        .isEqualTo(PodUpdates.Action.NONE);
  }

  @Test
  void removingTheSpotAnnotationNeedsANewPodToo() throws Exception {
    V1Pod spot = pod();
    spot.getMetadata().putAnnotationsItem("azure.vk.dev/priority", "Spot");

    assertThatThrownBy(() -> PodUpdates.decide(MAPPER.map(spot), MAPPER.map(pod())))
        .hasMessageContaining("priority changed from Spot to Regular");
  }

  /**
   * Two containers with explicit requests, so the app's limits are not clamped to its request, and
   * a port.
   */
  private static V1Pod pod() {
    V1Pod pod = Pods.pod("team", "web", Pods.container("app"), Pods.container("sidecar"));
    for (V1Container c : pod.getSpec().getContainers()) {
      c.resources(
          new V1ResourceRequirements()
              .putRequestsItem("cpu", Quantity.fromString("1"))
              .putRequestsItem("memory", Quantity.fromString("1G")));
    }
    resources(app(pod)).putLimitsItem("cpu", Quantity.fromString("1500m"));
    app(pod).addPortsItem(new V1ContainerPort().containerPort(80)); // a public IP, for its label
    return pod;
  }

  private static V1Container app(V1Pod pod) {
    return pod.getSpec().getContainers().get(0);
  }

  private static V1ResourceRequirements resources(V1Container c) {
    return c.getResources();
  }

  private static Arguments update(String change, Consumer<V1Pod> edit, String expected) {
    return Arguments.of(change, edit, expected);
  }
}
