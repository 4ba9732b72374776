package dev.vk.provider.mock;

import dev.vk.kubelet.types.PortStream;
import dev.vk.kubelet.types.ProviderException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * {@code kubectl port-forward} to a simulated pod: every port answers as a TCP echo server, which
 * is enough to check that bytes go both ways intact. One worker thread per connection, since the
 * streams block.
 */
final class EchoForwarder {

  private static final int BUFFER = 64 * 1024;

  private final ExecutorService workers;

  EchoForwarder(ExecutorService workers) {
    this.workers = workers;
  }

  /**
   * Starts echoing and returns at once. The stage completes once the client's input has ended and
   * everything was echoed (the output is then closed), or exceptionally when the client failed.
   *
   * @throws ProviderException INVALID_INPUT for a port outside 1 to 65535, UNAVAILABLE when closing
   */
  CompletableFuture<Void> start(int port, PortStream stream) throws ProviderException {
    if (port < 1 || port > 65535) {
      throw ProviderException.invalid("port " + port + " is not between 1 and 65535");
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    try {
      workers.execute(
          () -> {
            try {
              echo(stream.input(), stream.output());
              done.complete(null);
            } catch (IOException e) {
              done.completeExceptionally(e);
            }
          });
    } catch (RejectedExecutionException e) {
      throw new ProviderException(ProviderException.Kind.UNAVAILABLE, "the provider is closing", e);
    }
    return done;
  }

  /** Copies until the input ends; each read is flushed at once so that a dialogue works. */
  private static void echo(InputStream in, OutputStream out) throws IOException {
    byte[] buffer = new byte[BUFFER];
    for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
      out.write(buffer, 0, read);
      out.flush();
    }
    out.close(); // like an echo server closing after the client half-closed
  }
}
