package dev.vk.kubeletapi.spi;

import dev.vk.kubelet.types.ContainerRef;
import dev.vk.kubelet.types.StreamIO;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Serves {@code /exec/...}: runs a command in a container, wired to the client's streams. */
@FunctionalInterface
public interface ContainerExec {

  /**
   * Starts {@code command} (one element per argv entry). May block while starting; it may also
   * block until the command ends and return a completed stage. Not idempotent: each call runs the
   * command once.
   *
   * <p>The stage completes with the exit code (0 to 255; other values are reduced modulo 256), or
   * exceptionally, ideally with a {@link KubeletApiException}, when the command could not run. When
   * the client goes away the server cancels the stage ({@code toCompletableFuture().cancel}); watch
   * for that to stop the process.
   */
  CompletionStage<Integer> exec(ContainerRef container, List<String> command, StreamIO io)
      throws KubeletApiException;
}
