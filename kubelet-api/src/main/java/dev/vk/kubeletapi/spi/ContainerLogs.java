package dev.vk.kubeletapi.spi;

import dev.vk.kubelet.types.ContainerRef;
import dev.vk.kubelet.types.LogLine;
import dev.vk.kubelet.types.LogOptions;
import java.util.concurrent.Flow;

/** Serves {@code GET /containerLogs/{namespace}/{pod}/{container}}. */
@FunctionalInterface
public interface ContainerLogs {

  /**
   * Opens a container's log. May block while it checks that the container exists; must throw {@link
   * KubeletApiException.Kind#NOT_FOUND} then (the client gets a 404), because once the publisher is
   * returned the response has started.
   *
   * <p>The publisher is subscribed once and must honour demand ({@code request(n)}): a slow client
   * slows it down instead of filling memory. It completes when the log is exhausted (no {@code
   * follow}) or the container ends ({@code follow}). When the client goes away, or {@code
   * limitBytes} is reached, the server cancels the subscription; the publisher must then release
   * what it holds (threads, cloud log cursors). No need to be idempotent: each call is one request.
   */
  Flow.Publisher<LogLine> open(ContainerRef container, LogOptions options)
      throws KubeletApiException;
}
