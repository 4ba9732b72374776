package dev.vk.node.pod;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Pod;
import java.util.Collections;
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
        copy(images),
        pod.getSpec().getActiveDeadlineSeconds(),
        copy(pod.getMetadata().getLabels()),
        copy(pod.getMetadata().getAnnotations()));
  }

  private static Map<String, String> copy(Map<String, String> map) {
    if (map == null || map.isEmpty()) {
      return Map.of();
    }
    // Map.copyOf takes no nulls; an image may be missing from a pod a test or a webhook made.
    boolean nulls =
        map.entrySet().stream().anyMatch(e -> e.getKey() == null || e.getValue() == null);
    return nulls ? Collections.unmodifiableMap(new HashMap<>(map)) : Map.copyOf(map);
  }
}
