package dev.vk.provider;

import dev.vk.kubelet.types.PodRef;
import dev.vk.kubelet.types.PortStream;
import java.util.concurrent.CompletionStage;

/**
 * Optional: the provider can carry a TCP connection to a pod port ({@code kubectl port-forward}).
 */
public interface PortForwarding {

  /**
   * Connects {@code stream} to {@code port} of the pod and copies bytes both ways until either side
   * closes. Returns at once; the stage completes when the connection ends.
   */
  CompletionStage<Void> forward(PodRef pod, int port, PortStream stream) throws ProviderException;
}
