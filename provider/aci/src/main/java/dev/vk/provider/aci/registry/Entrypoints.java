package dev.vk.provider.aci.registry;

import com.azure.resourcemanager.containerinstance.models.ImageRegistryCredential;
import dev.vk.kubelet.types.ProviderException;
import java.util.List;

/** Where an image's ENTRYPOINT is learnt, so {@code args} without {@code command} can keep it. */
@FunctionalInterface
public interface Entrypoints {

  /**
   * The image's ENTRYPOINT from its config (empty when the image has none). May block on the
   * registry; thread-safe.
   *
   * @param credentials the group's registry credentials (username/password ones are used), or null
   * @throws ProviderException INVALID_INPUT when it cannot be known, UNAVAILABLE when the registry
   *     cannot be reached now; the message says why, without the pod field
   */
  List<String> of(ImageRef image, List<ImageRegistryCredential> credentials)
      throws ProviderException;

  /** Knows no image: {@code args} without {@code command} is refused. */
  Entrypoints UNKNOWN =
      (image, credentials) -> {
        throw ProviderException.invalid("this provider reads no image registry");
      };
}
