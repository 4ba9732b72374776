package dev.vk.kubeletapi.spi;

import dev.vk.kubelet.types.PodRef;
import dev.vk.kubelet.types.PortStream;
import java.util.concurrent.CompletionStage;

/** Serves {@code /portForward/...}: connects one client connection to a port inside a pod. */
@FunctionalInterface
public interface PortForwarder {

  /**
   * Connects {@code stream} to {@code port} of the pod; may block while dialling. Called once per
   * client connection (a port-forward session may carry many, concurrently). The stage completes
   * when the connection is done, exceptionally if it failed (the message goes to the client's error
   * stream). The server cancels it when the client goes away. Not idempotent.
   */
  CompletionStage<Void> forward(PodRef pod, int port, PortStream stream) throws KubeletApiException;
}
