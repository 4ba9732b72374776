package dev.vk.kubelet.types;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Optional provider ability: runs commands in containers and attaches to them; the kubelet API
 * serves it at {@code /exec/...} and {@code /attach/...}. Both methods may be called concurrently,
 * never on a Netty event loop.
 */
public interface ContainerExecutor {

  /**
   * Runs {@code command} (one element per argv entry) in the container with the given streams
   * ({@code kubectl exec}). May block while starting; it may also block until the command ends and
   * return a completed stage. Not idempotent: each call runs the command once. Closing stdin ends
   * input, not the command.
   *
   * <p>The stage completes with the exit code (0 to 255; other values are reduced modulo 256), or
   * exceptionally, ideally with a {@link ProviderException}, when the command could not run. When
   * the client goes away the caller cancels the stage ({@code toCompletableFuture().cancel}); watch
   * for that to stop the process.
   *
   * @throws ProviderException NOT_FOUND for an unknown pod or container, INVALID_INPUT for a
   *     command the provider cannot run (the message names the limit)
   */
  CompletionStage<Integer> exec(ContainerRef container, List<String> command, StreamIO io)
      throws ProviderException;

  /**
   * Attaches the streams to the container's main process ({@code kubectl attach}); may block while
   * connecting. The stage completes when the process ends or the client detaches, exceptionally if
   * the attachment failed; the caller cancels it when the client goes away. Not idempotent: each
   * call is one attachment.
   *
   * @throws ProviderException NOT_FOUND for an unknown pod or container
   */
  CompletionStage<Void> attach(ContainerRef container, StreamIO io) throws ProviderException;
}
