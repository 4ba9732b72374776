package dev.vk.node.pod;

import dev.vk.provider.memory.CompactMaps;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Pod;
import java.util.HashMap;
import java.util.Map;

/**
 * A copy of the fields of a pod a provider acts on that may change while it runs: container images,
 * the active deadline, labels and annotations. A copy, so a later change of the pod object cannot
 * change what was recorded; compared by equality only, so each map is the JDK's compact immutable
 * one (one array), kept for every pod the node placed.
 */
public record UserFields(
    Map<String, String> images,
    Long activeDeadlineSeconds,
    Map<String, String> labels,
    Map<String, String> annotations) {

  /** Takes the fields from {@code pod}; cheap. */
  public static UserFields of(V1Pod pod) {
    Map<String, String> images = new HashMap<>();
    for (V1Container c : pod.getSpec().getContainers()) {
      images.put(c.getName(), c.getImage());
    }
    return new UserFields(
        CompactMaps.copyOf(images),
        pod.getSpec().getActiveDeadlineSeconds(),
        CompactMaps.copyOf(pod.getMetadata().getLabels()),
        CompactMaps.copyOf(pod.getMetadata().getAnnotations()));
  }
}
