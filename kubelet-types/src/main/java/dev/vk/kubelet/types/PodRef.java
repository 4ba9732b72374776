package dev.vk.kubelet.types;

import java.util.Objects;

/**
 * A pod as named in a request path.
 *
 * @param uid the pod UID when the path carried one (the uid route variants), otherwise empty; the
 *     kubelet answers 404 when it differs from the running pod's UID, so implementations should
 *     throw {@link KubeletApiException.Kind#NOT_FOUND} in that case
 */
public record PodRef(String namespace, String name, String uid) {
  public PodRef {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    uid = uid == null ? "" : uid;
  }

  public static PodRef of(String namespace, String name) {
    return new PodRef(namespace, name, "");
  }

  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
