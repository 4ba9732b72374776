package dev.vk.provider.aci.mapping;

import com.azure.resourcemanager.containerinstance.models.ContainerGroupIpAddressType;
import com.azure.resourcemanager.containerinstance.models.ContainerGroupNetworkProtocol;
import com.azure.resourcemanager.containerinstance.models.ContainerGroupSubnetId;
import com.azure.resourcemanager.containerinstance.models.IpAddress;
import com.azure.resourcemanager.containerinstance.models.Port;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.aci.config.AciSettings;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1Pod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The group's address. With {@code subnet-ids} (VNet) every group gets a private IP in the subnet
 * (ports, if any, listed on it); without, a group gets a public IP exposing its container ports,
 * and no IP at all when it has no ports (ACI cannot give a public IP without ports). DNS name
 * labels only go on public IPs.
 */
final class NetworkMapper {

  /** The azure-aci provider's annotation, kept for compatibility. */
  static final String DNS_LABEL_ANNOTATION = "virtualkubelet.io/dnsnamelabel";

  static final int MAX_IP_PORTS = 5;

  private NetworkMapper() {}

  static List<ContainerGroupSubnetId> subnets(AciSettings.PodDefaults settings) {
    if (settings.subnetIds().isEmpty()) {
      return null;
    }
    return settings.subnetIds().stream()
        .map(id -> new ContainerGroupSubnetId().withId(id))
        .toList();
  }

  static IpAddress ipAddress(V1Pod pod, String groupName, AciSettings.PodDefaults settings)
      throws ProviderException {
    List<Port> ports = new ArrayList<>();
    for (V1Container c : pod.getSpec().getContainers()) {
      for (V1ContainerPort p : c.getPorts() == null ? List.<V1ContainerPort>of() : c.getPorts()) {
        ports.add(
            new Port()
                .withPort(p.getContainerPort())
                .withProtocol(
                    "UDP".equals(p.getProtocol())
                        ? ContainerGroupNetworkProtocol.UDP
                        : ContainerGroupNetworkProtocol.TCP));
      }
    }
    if (ports.size() > MAX_IP_PORTS) {
      throw Rejection.of(
          "spec.containers[*].ports", "ACI exposes at most " + MAX_IP_PORTS + " ports per group");
    }
    if (ports.isEmpty()) {
      return null; // ARM requires ports on an ipAddress; in a subnet ACI assigns one anyway
    }
    if (!settings.subnetIds().isEmpty()) {
      return new IpAddress().withType(ContainerGroupIpAddressType.PRIVATE).withPorts(ports);
    }
    IpAddress ip = new IpAddress().withType(ContainerGroupIpAddressType.PUBLIC).withPorts(ports);
    Map<String, String> annotations = pod.getMetadata().getAnnotations();
    String asked = annotations == null ? null : annotations.get(DNS_LABEL_ANNOTATION);
    switch (settings.dnsNameLabel()) {
      case "annotation" -> ip.withDnsNameLabel(asked);
      case "group-name" -> ip.withDnsNameLabel(asked != null ? asked : groupName);
      default -> {
        // "none": the cluster decides names, never ACI.
      }
    }
    return ip;
  }
}
