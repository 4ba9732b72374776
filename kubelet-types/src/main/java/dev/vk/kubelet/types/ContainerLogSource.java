package dev.vk.kubelet.types;

import java.util.concurrent.Flow;

/**
 * Optional provider ability: reads container logs ({@code kubectl logs}); the kubelet API serves it
 * at {@code GET /containerLogs/{namespace}/{pod}/{container}}.
 */
public interface ContainerLogSource {

  /**
   * Opens a container's log. The provider applies {@code tailLines}, {@code sinceSeconds}, {@code
   * sinceTime}, {@code previous} and {@code follow}; the caller applies {@code timestamps} and
   * {@code limitBytes}. May block briefly while it checks that the container exists, and must throw
   * then: once the publisher is returned the response has started. Reading starts on subscription.
   *
   * <p>The publisher is subscribed once and must honour demand ({@code request(n)}): a slow client
   * slows it down instead of filling memory. Without follow it completes after the current log;
   * with follow it completes when the container terminates. Cancelling the subscription (the client
   * went away, or {@code limitBytes} was reached) must release everything it holds (threads, cloud
   * log cursors). Not idempotent: each call is one reader.
   *
   * @throws ProviderException NOT_FOUND for an unknown pod or container (the client gets a 404),
   *     INVALID_INPUT for an option the provider cannot honour (for example {@code previous}
   *     without a previous run)
   */
  Flow.Publisher<LogLine> logs(ContainerRef container, LogOptions options) throws ProviderException;
}
