package dev.vk.provider;

import dev.vk.kubelet.types.ContainerRef;
import dev.vk.kubelet.types.StreamIO;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Optional: the provider can run commands in containers and attach to them. */
public interface ContainerExecutor {

  /**
   * Runs {@code command} in the container with the given streams ({@code kubectl exec}). Returns at
   * once; the stage completes with the exit code when the command ends. Closing stdin ends input,
   * not the command.
   *
   * @throws ProviderException NOT_FOUND for an unknown pod or container, INVALID_INPUT for a
   *     command the provider cannot run (the message names the limit)
   */
  CompletionStage<Integer> exec(ContainerRef container, List<String> command, StreamIO io)
      throws ProviderException;

  /**
   * Attaches the streams to the container's main process ({@code kubectl attach}). The stage
   * completes when the process ends or the streams close.
   */
  CompletionStage<Void> attach(ContainerRef container, StreamIO io) throws ProviderException;
}
