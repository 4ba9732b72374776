package dev.vk.node.pod;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Pod;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A copy of the fields of a pod a provider acts on that may change while it runs: container images,
 * the active deadline, labels and annotations. A copy, so a later change of the pod object cannot
 * change what was recorded.
 */
public record UserFields(
    SortedMap<String, String> images,
    Long activeDeadlineSeconds,
    SortedMap<String, String> labels,
    SortedMap<String, String> annotations) {

  /** Takes the fields from {@code pod}; cheap. */
  public static UserFields of(V1Pod pod) {
    TreeMap<String, String> images = new TreeMap<>();
    for (V1Container c : pod.getSpec().getContainers()) {
      images.put(c.getName(), c.getImage());
    }
    return new UserFields(
        Collections.unmodifiableSortedMap(images),
        pod.getSpec().getActiveDeadlineSeconds(),
        copy(pod.getMetadata().getLabels()),
        copy(pod.getMetadata().getAnnotations()));
  }

  private static SortedMap<String, String> copy(Map<String, String> map) {
    return Collections.unmodifiableSortedMap(
        new TreeMap<>(Objects.requireNonNullElse(map, Map.of())));
  }
}
