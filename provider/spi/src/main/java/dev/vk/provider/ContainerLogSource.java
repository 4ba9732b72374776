package dev.vk.provider;

import dev.vk.kubelet.types.ContainerRef;
import dev.vk.kubelet.types.LogLine;
import dev.vk.kubelet.types.LogOptions;
import java.util.concurrent.Flow;

/** Optional: the provider can read container logs ({@code kubectl logs}). */
public interface ContainerLogSource {

  /**
   * Opens a container's log. The provider applies {@code tailLines}, {@code sinceSeconds}, {@code
   * sinceTime}, {@code previous} and {@code follow}; the caller applies {@code timestamps} and
   * {@code limitBytes}. Without follow the publisher completes after the current log; with follow
   * it completes when the container terminates. Cancelling the subscription (the client went away)
   * must release everything. Must not block: reading starts on subscription.
   *
   * @throws ProviderException NOT_FOUND for an unknown pod or container, INVALID_INPUT for an
   *     option the provider cannot honour (for example {@code previous} without a previous run)
   */
  Flow.Publisher<LogLine> logs(ContainerRef container, LogOptions options) throws ProviderException;
}
