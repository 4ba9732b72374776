package dev.vk.node.pod;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.PodLifecycle;
import io.kubernetes.client.openapi.models.V1Pod;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The provider's pods for the startup reconcile, listed on a thread of their own from the moment
 * the node starts, so the cloud's first call (a token, a TLS connection, a paged list) overlaps the
 * API caches filling instead of following them. Listing before the caches sync is safe: no worker
 * runs yet, so nothing of this node changes the provider in between, and the reconcile compares the
 * list with the API's pods as it would a list taken a moment later. Thread-safe.
 */
public final class StartupList {
  private final FutureTask<List<V1Pod>> listing;

  private StartupList(PodLifecycle provider) {
    this.listing = new FutureTask<>(provider::getPods);
  }

  /** Starts listing {@code provider}'s pods on a daemon thread. Non-blocking. */
  public static StartupList begin(PodLifecycle provider) {
    StartupList list = new StartupList(provider);
    Thread t = new Thread(list.listing, "provider-startup-list");
    t.setDaemon(true);
    t.start();
    return list;
  }

  /**
   * The listed pods; blocks until the list is done.
   *
   * @throws ProviderException as the provider's list failed
   */
  List<V1Pod> await() throws ProviderException, InterruptedException {
    try {
      return listing.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ProviderException p) {
        throw p;
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
