package dev.vk.provider.aci.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.provider.testkit.Pods;
import dev.vk.provider.testkit.TestingKubernetesAccess;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1Pod;
import org.junit.jupiter.api.Test;

/** A pod that gets no address in public mode is told so with a Warning Event. */
class NoAddressWarningTest {

  private final TestingKubernetesAccess recorded = new TestingKubernetesAccess();

  @Test
  void aPodWithoutPortsInPublicModeGetsAWarningSayingWhy() {
    new NoAddressWarning(recorded, false).created(Pods.pod("team", "worker"));

    assertThat(recorded.events)
        .singleElement()
        .asString()
        .contains("Warning", NoAddressWarning.REASON, "has no IP address", "azure-subnet-ids");
  }

  @Test
  void aPodWithAPortInPublicModeGetsAPublicIpAndNoWarning() {
    V1Pod pod = Pods.pod("team", "web");
    pod.getSpec().getContainers().get(0).addPortsItem(new V1ContainerPort().containerPort(80));

    new NoAddressWarning(recorded, false).created(pod);

    assertThat(recorded.events).isEmpty();
  }

  @Test
  void inVnetModeEveryPodHasAPrivateIpAndNoWarning() {
    new NoAddressWarning(recorded, true).created(Pods.pod("team", "worker"));

    assertThat(recorded.events).isEmpty();
  }
}
