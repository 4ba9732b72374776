package dev.vk.podenv;

import io.kubernetes.client.custom.Quantity;
import java.util.Map;

/**
 * What the node knows about where the pod runs. Used for the downward API when the pod's own spec
 * or status does not say, and for resource limits a container leaves unset.
 *
 * @param nodeName this node's name
 * @param hostIp the node's IP, or null
 * @param podIp the pod's IP if the provider already knows it, or null
 * @param nodeAllocatable the node's allocatable resources ({@code cpu}, {@code memory}, ...)
 */
public record PodRuntime(
    String nodeName, String hostIp, String podIp, Map<String, Quantity> nodeAllocatable) {

  public PodRuntime {
    nodeAllocatable = nodeAllocatable == null ? Map.of() : Map.copyOf(nodeAllocatable);
  }
}
