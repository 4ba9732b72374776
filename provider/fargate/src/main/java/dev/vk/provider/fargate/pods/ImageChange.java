package dev.vk.provider.fargate.pods;

import dev.vk.kubelet.types.ProviderException;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Pod;
import java.util.List;
import java.util.Objects;

/** Refuses image changes of a running pod: an ECS task's containers are fixed at RunTask. */
final class ImageChange {
  private ImageChange() {}

  /**
   * @throws ProviderException INVALID_INPUT naming the first changed image field
   */
  static void refuse(V1Pod running, V1Pod updated) throws ProviderException {
    check(
        "spec.initContainers",
        running.getSpec().getInitContainers(),
        updated.getSpec().getInitContainers());
    check("spec.containers", running.getSpec().getContainers(), updated.getSpec().getContainers());
  }

  private static void check(String field, List<V1Container> before, List<V1Container> after)
      throws ProviderException {
    List<V1Container> now = before == null ? List.of() : before;
    List<V1Container> wanted = after == null ? List.of() : after;
    for (int i = 0; i < wanted.size(); i++) {
      String image = wanted.get(i).getImage();
      // Adopted pods know their images only from ECS; an unknown image is not a change.
      String current =
          i < now.size() && now.get(i).getName().equals(wanted.get(i).getName())
              ? now.get(i).getImage()
              : null;
      if (current != null && image != null && !Objects.equals(current, image)) {
        throw ProviderException.invalid(
            field
                + "["
                + i
                + "].image: a running ECS task cannot change its image ("
                + current
                + " -> "
                + image
                + "); delete the pod so that a new one runs it");
      }
    }
  }
}
