package dev.vk.kubelet.types;

import java.util.Objects;

/** A container of a pod, as named in a request path. */
public record ContainerRef(PodRef pod, String container) {
  public ContainerRef {
    Objects.requireNonNull(pod, "pod");
    Objects.requireNonNull(container, "container");
  }

  public static ContainerRef of(String namespace, String pod, String container) {
    return new ContainerRef(PodRef.of(namespace, pod), container);
  }

  @Override
  public String toString() {
    return pod + "/" + container;
  }
}
