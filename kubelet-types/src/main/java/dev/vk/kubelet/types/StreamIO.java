package dev.vk.kubelet.types;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The client's streams for exec and attach, implemented by the server. Only the streams the client
 * asked for are present; with a TTY there is never a separate stderr.
 *
 * <p>The streams block: reading stdin waits for the client, and writing stdout or stderr waits
 * while the client reads slowly. Do not use them on a Netty event loop. Once the client has gone,
 * reads return end-of-stream and writes throw {@link java.io.IOException}. Closing stdout or stderr
 * ends that stream for the client; the server closes whatever is left when the call completes.
 */
public interface StreamIO {

  /** Whether the client asked for a terminal. */
  boolean tty();

  Optional<InputStream> stdin();

  Optional<OutputStream> stdout();

  Optional<OutputStream> stderr();

  /**
   * Registers the one listener for terminal resizes. The latest size received before registration
   * is delivered at once. Called on a server thread; the listener must not block.
   */
  void onResize(Consumer<TerminalSize> listener);
}
