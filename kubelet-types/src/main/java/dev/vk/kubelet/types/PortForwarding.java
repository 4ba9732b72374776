package dev.vk.kubelet.types;

import java.util.concurrent.CompletionStage;

/**
 * Optional provider ability: carries a TCP connection to a pod port ({@code kubectl port-forward});
 * the kubelet API serves it at {@code /portForward/...}.
 */
public interface PortForwarding {

  /**
   * Connects {@code stream} to {@code port} of the pod and copies bytes both ways until either side
   * closes; may block while dialling. Called once per client connection (a port-forward session may
   * carry many, concurrently). The stage completes when the connection ends, exceptionally if it
   * failed (the message goes to the client's error stream). The caller cancels it when the client
   * goes away. Not idempotent.
   *
   * @throws ProviderException NOT_FOUND for an unknown pod
   */
  CompletionStage<Void> forward(PodRef pod, int port, PortStream stream) throws ProviderException;
}
