package dev.vk.kubeletapi.stream;

import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * What every streaming session needs from the server configuration.
 *
 * @param blocking runs the caller's functions, which may block (a bounded pool refuses excess)
 * @param idleTimeout how long an upgraded connection may stay silent
 * @param creationTimeout how long the client may take to open its streams
 * @param maxPortForwardPairs port-forward connections one upgraded connection may carry at once
 */
public record StreamSettings(
    Executor blocking, Duration idleTimeout, Duration creationTimeout, int maxPortForwardPairs) {

  /** Settings with the default cap of port-forward pairs. */
  public StreamSettings(Executor blocking, Duration idleTimeout, Duration creationTimeout) {
    this(blocking, idleTimeout, creationTimeout, 64);
  }
}
