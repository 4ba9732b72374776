package dev.vk.node.pod;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/** Small questions about pods that several controllers ask. */
public final class PodFacts {
  private PodFacts() {}

  public static String key(V1Pod pod) {
    return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
  }

  public static String uid(V1Pod pod) {
    return pod.getMetadata().getUid();
  }

  public static boolean sameUid(V1Pod a, V1Pod b) {
    return Objects.equals(uid(a), uid(b));
  }

  public static boolean terminal(V1Pod pod) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    return "Succeeded".equals(phase) || "Failed".equals(phase);
  }

  public static boolean deleting(V1Pod pod) {
    return pod.getMetadata().getDeletionTimestamp() != null;
  }

  /** No container is running (all terminated or waiting), so the pod may be removed. */
  public static boolean stopped(V1Pod pod) {
    V1PodStatus s = pod.getStatus();
    if (s == null) {
      return true;
    }
    if (terminal(pod)) {
      return true;
    }
    List<V1ContainerStatus> containers = s.getContainerStatuses();
    return containers == null
        || containers.stream()
            .noneMatch(c -> c.getState() != null && c.getState().getRunning() != null);
  }

  /**
   * Whether the API's status shows the pod once ran at a provider: then a provider that no longer
   * has it lost it, and creating it silently again would hide that (virtual-kubelet#762).
   */
  public static boolean ranBefore(V1Pod pod) {
    V1PodStatus s = pod.getStatus();
    if (s == null) {
      return false;
    }
    if ("Running".equals(s.getPhase())) {
      return true;
    }
    List<V1ContainerStatus> containers = s.getContainerStatuses();
    return containers != null && containers.stream().anyMatch(c -> c.getContainerID() != null);
  }

  /** Only container images, the part a provider's own view of a pod is sure to carry. */
  public static String images(V1Pod pod) {
    TreeMap<String, String> images = new TreeMap<>();
    for (V1Container c : pod.getSpec().getContainers()) {
      images.put(c.getName(), c.getImage());
    }
    return images.toString();
  }
}
