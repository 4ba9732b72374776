package dev.vk.kubeletapi.spi;

import dev.vk.kubelet.types.ContainerRef;
import dev.vk.kubelet.types.StreamIO;
import java.util.concurrent.CompletionStage;

/** Serves {@code /attach/...}: connects the client to a running container's main process. */
@FunctionalInterface
public interface ContainerAttach {

  /**
   * Attaches; may block while connecting. The stage completes when the attachment ends (the
   * container stopped or the client detached), exceptionally if it failed. The server cancels it
   * when the client goes away. Not idempotent: each call is one attachment.
   */
  CompletionStage<Void> attach(ContainerRef container, StreamIO io) throws KubeletApiException;
}
