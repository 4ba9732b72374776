package dev.vk.provider.aci.mapping;

import dev.vk.kubelet.types.ProviderException;

/** How a pod ACI cannot run is refused: INVALID_INPUT whose message starts with the field. */
final class Rejection {

  private Rejection() {}

  static ProviderException of(String field, String why) {
    return ProviderException.invalid(field + ": " + why);
  }
}
