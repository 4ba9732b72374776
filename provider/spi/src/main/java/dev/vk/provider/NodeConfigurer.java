package dev.vk.provider;

import dev.vk.kubelet.types.ProviderException;
import io.kubernetes.client.openapi.models.V1Node;

/** Optional: the provider adjusts the node it backs (capacity, labels, OS, conditions). */
public interface NodeConfigurer {

  /**
   * Edits the node before it is registered and before each status update. Must not block; must be
   * deterministic so that unchanged state produces an unchanged node.
   */
  void configureNode(V1Node node);

  /**
   * Checks that the backing cloud answers. While it fails the node reports Ready=False. May block;
   * called at most every few seconds.
   */
  default void ping() throws ProviderException {}
}
