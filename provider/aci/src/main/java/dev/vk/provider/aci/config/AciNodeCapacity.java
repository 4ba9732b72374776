package dev.vk.provider.aci.config;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1NodeStatus;
import io.kubernetes.client.openapi.models.V1NodeSystemInfo;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.util.Locale;
import java.util.Map;

/**
 * The node as ACI backs it: the azure-aci provider's capacity defaults (ACI's real limit is the
 * subscription's quota, which the node cannot see; users override capacity in the node's own
 * settings, applied after this), the OS label, and exclusion from cloud load balancers (an ACI
 * group is not reachable through the cluster's load balancer). Deterministic and non-blocking.
 */
public final class AciNodeCapacity {

  static final String CPU = "10000";
  static final String MEMORY = "4Ti";
  static final String PODS = "5000";

  private AciNodeCapacity() {}

  /** Sets the node's labels, capacity, allocatable and OS; idempotent. */
  public static void configure(V1Node node, String osType) {
    if (node.getMetadata() == null) {
      node.setMetadata(new V1ObjectMeta());
    }
    String os = osType.toLowerCase(Locale.ROOT);
    node.getMetadata()
        .putLabelsItem("kubernetes.io/os", os)
        .putLabelsItem("beta.kubernetes.io/os", os)
        .putLabelsItem("node.kubernetes.io/exclude-from-external-load-balancers", "true");
    if (node.getStatus() == null) {
      node.setStatus(new V1NodeStatus());
    }
    Map<String, Quantity> capacity =
        Map.of(
            "cpu", Quantity.fromString(CPU),
            "memory", Quantity.fromString(MEMORY),
            "pods", Quantity.fromString(PODS));
    node.getStatus().setCapacity(new java.util.LinkedHashMap<>(capacity));
    node.getStatus().setAllocatable(new java.util.LinkedHashMap<>(capacity));
    if (node.getStatus().getNodeInfo() == null) {
      node.getStatus().setNodeInfo(new V1NodeSystemInfo());
    }
    node.getStatus().getNodeInfo().setOperatingSystem(os);
  }
}
