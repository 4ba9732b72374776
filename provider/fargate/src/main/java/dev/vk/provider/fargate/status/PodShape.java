package dev.vk.provider.fargate.status;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1PodSpec;
import java.util.List;

/**
 * What the status mapping needs of a pod spec: container names and images, in order, and the
 * restart policy.
 */
public record PodShape(List<Shape> initContainers, List<Shape> containers, String restartPolicy) {

  /** One container's name and image as the spec says them. */
  public record Shape(String name, String image) {}

  public static PodShape of(V1PodSpec spec) {
    return new PodShape(
        shapes(spec.getInitContainers()),
        shapes(spec.getContainers()),
        spec.getRestartPolicy() == null ? "Always" : spec.getRestartPolicy());
  }

  private static List<Shape> shapes(List<V1Container> containers) {
    return containers == null
        ? List.of()
        : containers.stream().map(c -> new Shape(c.getName(), c.getImage())).toList();
  }
}
