package dev.vk.kubeletapi.stream;

import dev.vk.kubelet.types.ContainerExecutor;
import dev.vk.kubelet.types.ContainerRef;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.kubelet.types.StreamIO;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/** An exec or an attach, bound to its container: what a session runs once its streams exist. */
@FunctionalInterface
public interface RemoteCommand {

  /** Starts the command; the stage yields the exit code. May block. */
  CompletionStage<Integer> start(StreamIO io) throws ProviderException;

  static RemoteCommand exec(ContainerExecutor exec, ContainerRef container, List<String> command) {
    return io -> exec.exec(container, command, io);
  }

  /** An attach, which has no exit code of its own: success is 0. */
  static RemoteCommand attach(ContainerExecutor attach, ContainerRef container) {
    return io -> {
      CompletableFuture<Void> attached = attach.attach(container, io).toCompletableFuture();
      CompletableFuture<Integer> code = attached.thenApply(done -> 0);
      // Cancelling the derived stage (client gone) must reach the caller's stage.
      code.whenComplete((c, error) -> attached.cancel(true));
      return code;
    };
  }

  /**
   * Starts this command on {@code executor}; see {@link AsyncCall#start}. The exit code is raw:
   * pass it through {@link ExitStatus#normalize}.
   */
  default CompletableFuture<Integer> run(StreamIO io, Executor executor) {
    return AsyncCall.start(() -> start(io), executor);
  }
}
