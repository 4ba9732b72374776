package dev.vk.node.nodeobject;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.node.config.NodeConfig;
import dev.vk.node.config.Settings;
import dev.vk.provider.NodeConfigurer;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1NodeCondition;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NodeTemplateTest {
  private static final OffsetDateTime NOW =
      OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  private static V1Node build(
      Map<String, String> settings, Optional<NodeConfigurer> provider, boolean ready) {
    NodeConfig config = NodeConfig.from(Settings.of(settings));
    return new NodeTemplate(config, provider).build(ready, "provider does not answer: down", NOW);
  }

  @Test
  @DisplayName(
      "the node carries the virtual-kubelet labels, taint, address, port and all five conditions")
  void shape() {
    V1Node node =
        build(
            Map.of(
                "node-name",
                "vk-1",
                "internal-ip",
                "10.9.0.2",
                "kubelet-port",
                "10255",
                "labels",
                "team=x"),
            Optional.empty(),
            true);
    assertThat(node.getMetadata().getLabels())
        .containsEntry("type", "virtual-kubelet")
        .containsEntry("kubernetes.io/role", "agent")
        .containsEntry("kubernetes.io/hostname", "vk-1")
        .containsEntry("kubernetes.io/os", "linux")
        .containsEntry("kubernetes.io/arch", "amd64")
        .containsEntry("team", "x");
    assertThat(node.getSpec().getTaints())
        .singleElement()
        .satisfies(t -> assertThat(t.getKey()).isEqualTo("virtual-kubelet.io/provider"));
    assertThat(node.getStatus().getConditions())
        .extracting(V1NodeCondition::getType)
        .containsExactly(
            "Ready", "MemoryPressure", "DiskPressure", "PIDPressure", "NetworkUnavailable");
    assertThat(node.getStatus().getConditions().get(0).getStatus()).isEqualTo("True");
    assertThat(node.getStatus().getAddresses())
        .anySatisfy(a -> assertThat(a.getAddress()).isEqualTo("10.9.0.2"));
    assertThat(node.getStatus().getDaemonEndpoints().getKubeletEndpoint().getPort())
        .isEqualTo(10255);
    assertThat(node.getStatus().getNodeInfo().getKubeletVersion()).startsWith("v1.34");
  }

  @Test
  @DisplayName("capacity: defaults, then the provider's choice, then what the user set explicitly")
  void capacityPrecedence() {
    NodeConfigurer bigCloud =
        node -> {
          node.getStatus().putCapacityItem("cpu", new Quantity("10000"));
          node.getStatus().putCapacityItem("memory", new Quantity("4Ti"));
        };
    V1Node node =
        build(
            Map.of("internal-ip", "10.9.0.2", "capacity-memory", "64Gi", "capacity-gpu", "2"),
            Optional.of(bigCloud),
            true);
    assertThat(node.getStatus().getCapacity())
        .containsEntry("cpu", new Quantity("10000"))
        .containsEntry("memory", new Quantity("64Gi"))
        .containsEntry("pods", new Quantity("110"))
        .containsEntry("nvidia.com/gpu", new Quantity("2"));
    assertThat(node.getStatus().getAllocatable()).containsEntry("memory", new Quantity("64Gi"));
  }

  @Test
  @DisplayName("a provider that does not answer makes the node NotReady with the reason")
  void notReady() {
    V1Node node = build(Map.of("internal-ip", "10.9.0.2"), Optional.empty(), false);
    V1NodeCondition ready = node.getStatus().getConditions().get(0);
    assertThat(ready.getStatus()).isEqualTo("False");
    assertThat(ready.getReason()).isEqualTo("ProviderUnavailable");
    assertThat(ready.getMessage()).contains("down");
  }
}
