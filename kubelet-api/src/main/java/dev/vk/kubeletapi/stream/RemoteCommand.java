package dev.vk.kubeletapi.stream;

import dev.vk.kubeletapi.spi.KubeletApiException;
import dev.vk.kubeletapi.spi.StreamIO;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/** An exec or an attach, bound to its container: what a session runs once its streams exist. */
@FunctionalInterface
public interface RemoteCommand {

  /** Starts the command; the stage yields the exit code. May block. */
  CompletionStage<Integer> start(StreamIO io) throws KubeletApiException;

  /**
   * Starts this command on {@code executor}; see {@link AsyncCall#start}. The exit code is raw:
   * pass it through {@link ExitStatus#normalize}.
   */
  default CompletableFuture<Integer> run(StreamIO io, Executor executor) {
    return AsyncCall.start(() -> start(io), executor);
  }
}
