package dev.vk.node.nodeobject;

import dev.vk.node.config.NodeConfig;
import dev.vk.provider.NodeConfigurer;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1DaemonEndpoint;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1NodeAddress;
import io.kubernetes.client.openapi.models.V1NodeCondition;
import io.kubernetes.client.openapi.models.V1NodeDaemonEndpoints;
import io.kubernetes.client.openapi.models.V1NodeSpec;
import io.kubernetes.client.openapi.models.V1NodeStatus;
import io.kubernetes.client.openapi.models.V1NodeSystemInfo;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the Node this process registers: labels, taint, capacity, conditions, addresses. */
public final class NodeTemplate {
  /** Reported as the kubelet version, so tools see which Kubernetes API level we implement. */
  public static final String KUBELET_VERSION = "v1.34.4-vk-0.1.0";

  /** Capacity before the provider and the user adjust it (virtual-kubelet's mock defaults). */
  static final Map<String, Quantity> DEFAULT_CAPACITY =
      Map.of(
          "cpu", new Quantity("20"), "memory", new Quantity("100Gi"), "pods", new Quantity("110"));

  private final NodeConfig config;
  private final Optional<NodeConfigurer> configurer;

  public NodeTemplate(NodeConfig config, Optional<NodeConfigurer> configurer) {
    this.config = config;
    this.configurer = configurer;
  }

  /**
   * What pods may use of this node: the provider's choice, overridden by the user's capacity
   * setting. Calls the provider's {@link NodeConfigurer#configureNode}, which must not block.
   */
  public Map<String, Quantity> allocatable() {
    return build(true, "", null).getStatus().getAllocatable();
  }

  /** The desired node; {@code ready} and its reason come from the provider's last ping. */
  public V1Node build(boolean ready, String notReadyMessage, OffsetDateTime now) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("type", "virtual-kubelet");
    labels.put("kubernetes.io/role", "agent");
    labels.put("kubernetes.io/hostname", config.nodeName());
    labels.put("kubernetes.io/os", config.operatingSystem());
    labels.put("kubernetes.io/arch", "amd64");
    labels.put("node.kubernetes.io/exclude-from-external-load-balancers", "true");
    labels.putAll(config.labels());
    V1Node node =
        new V1Node()
            .apiVersion("v1")
            .kind("Node")
            .metadata(new V1ObjectMeta().name(config.nodeName()).labels(labels))
            .spec(new V1NodeSpec().taints(config.taint().map(List::of).orElse(null)))
            .status(status(ready, notReadyMessage, now));
    configurer.ifPresent(c -> c.configureNode(node));
    // What the user set wins over what the provider chose.
    config
        .capacity()
        .forEach(
            (resource, amount) -> {
              node.getStatus().putCapacityItem(resource, amount);
              node.getStatus().putAllocatableItem(resource, amount);
            });
    node.getStatus().getCapacity().values().removeIf(q -> q.getNumber().signum() == 0);
    node.getStatus().getAllocatable().values().removeIf(q -> q.getNumber().signum() == 0);
    return node;
  }

  private V1NodeStatus status(boolean ready, String notReadyMessage, OffsetDateTime now) {
    List<V1NodeCondition> conditions = new ArrayList<>();
    conditions.add(
        condition(
            "Ready",
            ready,
            ready ? "KubeletReady" : "ProviderUnavailable",
            ready ? "virtual kubelet is ready" : notReadyMessage,
            now));
    conditions.add(
        condition("MemoryPressure", false, "KubeletHasSufficientMemory", "no pressure", now));
    conditions.add(
        condition("DiskPressure", false, "KubeletHasNoDiskPressure", "no pressure", now));
    conditions.add(condition("PIDPressure", false, "KubeletHasSufficientPID", "no pressure", now));
    conditions.add(
        condition("NetworkUnavailable", false, "RouteCreated", "provider manages routes", now));
    return new V1NodeStatus()
        .capacity(new LinkedHashMap<>(DEFAULT_CAPACITY))
        .allocatable(new LinkedHashMap<>(DEFAULT_CAPACITY))
        .conditions(conditions)
        .addresses(
            List.of(
                new V1NodeAddress().type("InternalIP").address(config.internalIp()),
                new V1NodeAddress().type("Hostname").address(config.nodeName())))
        .daemonEndpoints(
            new V1NodeDaemonEndpoints()
                .kubeletEndpoint(new V1DaemonEndpoint().port(config.kubeletPort())))
        .nodeInfo(
            new V1NodeSystemInfo()
                .machineID(config.nodeName())
                .systemUUID(config.nodeName())
                .bootID("")
                .kernelVersion("")
                .osImage("virtual-kubelet (" + config.provider() + ")")
                .containerRuntimeVersion(config.provider() + "://0.1.0")
                .kubeletVersion(KUBELET_VERSION)
                .kubeProxyVersion("")
                .operatingSystem(config.operatingSystem())
                .architecture("amd64"));
  }

  private static V1NodeCondition condition(
      String type, boolean status, String reason, String message, OffsetDateTime now) {
    return new V1NodeCondition()
        .type(type)
        .status(status ? "True" : "False")
        .reason(reason)
        .message(message)
        .lastHeartbeatTime(now)
        .lastTransitionTime(now);
  }
}
