package dev.vk.kubeletapi.spi;

/**
 * Hears what the kubelet API server answers, for metrics, without this module depending on a
 * metrics library. Every method runs on a Netty event loop: it must be cheap, thread-safe and never
 * block.
 *
 * <p>A route is the matched path template (for example {@code
 * /exec/{namespace}/{pod}/{container}}), or {@link #UNMATCHED} for a path no route knows, so the
 * number of distinct values stays small.
 */
public interface KubeletApiListener {
  /** The route of a request whose path matches no template. */
  String UNMATCHED = "unmatched";

  /** Hears nothing. */
  KubeletApiListener NONE =
      new KubeletApiListener() {
        @Override
        public void responded(String route, String method, int status) {}

        @Override
        public void streamOpened(String route) {}

        @Override
        public void streamClosed(String route) {}
      };

  /**
   * The server sent the status line of a response: a complete answer, the head of a streamed one
   * (logs), or 101 for an upgrade (exec, attach, port-forward). Authentication and authorization
   * refusals are included. Called once per request.
   */
  void responded(String route, String method, int status);

  /**
   * A long-lived stream began: a streamed log response or an upgraded connection. {@link
   * #streamClosed} follows exactly once with the same route.
   */
  void streamOpened(String route);

  /** A stream that {@link #streamOpened} reported ended (completed, failed or disconnected). */
  void streamClosed(String route);
}
