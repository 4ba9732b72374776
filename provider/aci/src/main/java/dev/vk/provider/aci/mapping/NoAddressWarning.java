package dev.vk.provider.aci.mapping;

import dev.vk.provider.KubernetesAccess;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Pod;
import java.util.List;

/**
 * Tells the user why a pod runs without a pod IP. In public mode (no {@code azure-subnet-ids}) ACI
 * gives a group a public IP only when it exposes ports, so a pod without container ports has no
 * address at all: it runs, but Services, {@code kubectl get pods -o wide} and port-forward cannot
 * reach it. A Warning Event says so once the group is created; the pod stays Running.
 */
public final class NoAddressWarning {

  static final String REASON = "NoPodIP";

  private final KubernetesAccess kubernetes;
  private final boolean vnet;

  /**
   * @param vnet whether the node runs groups in a VNet subnet, where every group gets a private IP
   */
  public NoAddressWarning(KubernetesAccess kubernetes, boolean vnet) {
    this.kubernetes = kubernetes;
    this.vnet = vnet;
  }

  /** Called after the pod's group was created; records the Event when it has no address. */
  public void created(V1Pod pod) {
    if (vnet || hasPorts(pod)) {
      return;
    }
    kubernetes.event(
        pod,
        "Warning",
        REASON,
        "the pod has no IP address: in public mode ACI gives a container group a public IP only"
            + " when it exposes ports, and no container of this pod lists one; it runs, but"
            + " nothing can connect to it. Add containerPorts, or run the node in VNet mode"
            + " (azure-subnet-ids), where every pod gets a private IP");
  }

  private static boolean hasPorts(V1Pod pod) {
    List<V1Container> containers = pod.getSpec().getContainers();
    return containers != null
        && containers.stream().anyMatch(c -> c.getPorts() != null && !c.getPorts().isEmpty());
  }
}
