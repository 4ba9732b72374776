package dev.vk.kubeletapi.limits;

import java.time.Duration;

/**
 * The bounds on what clients can make the server hold. Every field must be positive except {@code
 * maxConnectionsPerAddress} (0: no per-address cap) and {@code requestQueue} (0: no queue).
 *
 * @param maxConnections open connections at once; more are closed right after accept
 * @param maxConnectionsPerAddress open connections from one remote address; 0 for no cap
 * @param maxPipelinedRequests requests one connection may have read but not yet answered
 * @param maxPortForwardPairs port-forward connections (SPDY stream pairs, WebSocket ports) on one
 *     upgraded connection
 * @param requestReadTimeout how long a client may take to send a whole request (head and small
 *     body) once it started, or to send its first request after connecting
 * @param requestThreads threads for short blocking calls, in each of two pools: authentication and
 *     authorization; the routes' lookups
 * @param requestQueue calls waiting for a thread of either pool; beyond it, 503
 * @param streamThreads threads for long calls (exec, attach, port-forward); beyond it, 503
 * @param tokenReviewsPerSecond TokenReviews sent to the API server per second, sustained
 * @param tokenReviewBurst TokenReviews allowed in a burst
 */
public record ServerLimits(
    int maxConnections,
    int maxConnectionsPerAddress,
    int maxPipelinedRequests,
    int maxPortForwardPairs,
    Duration requestReadTimeout,
    int requestThreads,
    int requestQueue,
    int streamThreads,
    double tokenReviewsPerSecond,
    int tokenReviewBurst) {

  /** Defaults sized for one API server and a metrics scraper talking to a busy node. */
  public static final ServerLimits DEFAULTS =
      new ServerLimits(1000, 0, 16, 64, Duration.ofSeconds(10), 32, 256, 256, 20, 40);

  public ServerLimits {
    require(maxConnections > 0, "maxConnections must be positive");
    require(maxConnectionsPerAddress >= 0, "maxConnectionsPerAddress must not be negative");
    require(maxPipelinedRequests > 0, "maxPipelinedRequests must be positive");
    require(maxPortForwardPairs > 0, "maxPortForwardPairs must be positive");
    require(
        requestReadTimeout != null
            && !requestReadTimeout.isNegative()
            && !requestReadTimeout.isZero(),
        "requestReadTimeout must be positive");
    require(requestThreads > 0, "requestThreads must be positive");
    require(requestQueue >= 0, "requestQueue must not be negative");
    require(streamThreads > 0, "streamThreads must be positive");
    require(tokenReviewsPerSecond > 0, "tokenReviewsPerSecond must be positive");
    require(tokenReviewBurst > 0, "tokenReviewBurst must be positive");
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
