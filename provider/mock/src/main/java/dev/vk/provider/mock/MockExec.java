package dev.vk.provider.mock;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.kubelet.types.StreamIO;
import dev.vk.provider.mock.shell.TinyShell;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs {@code kubectl exec} commands in simulated containers with {@link TinyShell}, one worker
 * thread per command because the client's streams block. The container's environment is the one its
 * pod spec resolved; a resize of the client's terminal reaches {@code stty size}.
 */
final class MockExec {

  private final ExecutorService workers;

  MockExec(ExecutorService workers) {
    this.workers = workers;
  }

  /**
   * Starts {@code command} and returns at once; the stage completes with its exit status, or
   * exceptionally with the {@link IOException} of a client that went away.
   *
   * @throws ProviderException INVALID_INPUT for an empty command, UNAVAILABLE when shutting down
   */
  CompletionStage<Integer> start(ContainerLookup.Target target, List<String> command, StreamIO io)
      throws ProviderException {
    if (command.isEmpty()) {
      throw ProviderException.invalid("exec needs a command");
    }
    TinyShell shell =
        TinyShell.builder()
            .env(ContainerEnv.of(target.pod(), target.container()))
            .stdin(io.stdin().orElse(null))
            .stdout(io.stdout().orElse(null))
            .stderr(io.stderr().orElse(null))
            .tty(io.tty())
            .build();
    // Registered before the command starts: the size the client sent first arrives at once.
    io.onResize(size -> shell.resize(size.width(), size.height()));
    CompletableFuture<Integer> status = new CompletableFuture<>();
    try {
      Future<?> task =
          workers.submit(
              () -> {
                try {
                  status.complete(shell.run(List.copyOf(command)));
                } catch (IOException | RuntimeException e) {
                  status.completeExceptionally(e);
                }
              });
      // A caller that gives up (the client left) cancels the stage: stop a sleep that would linger.
      status.whenComplete(
          (code, failure) -> {
            if (status.isCancelled()) {
              task.cancel(true);
            }
          });
    } catch (RejectedExecutionException e) {
      throw new ProviderException(ProviderException.Kind.UNAVAILABLE, "the provider is closing", e);
    }
    return status;
  }
}
