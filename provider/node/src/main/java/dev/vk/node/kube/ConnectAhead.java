package dev.vk.node.kube;

import dev.vk.node.config.ConfigException;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.VersionApi;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * Builds the API clients and opens their connections on a thread of their own while the rest of the
 * node starts. Most of that work is loading and running the TLS, HTTP/2 and YAML code for the first
 * time (about a third of a second of CPU); on a node's one or two cores it overlaps the logging,
 * metrics and provider set-up instead of following it.
 */
public final class ConnectAhead {
  private final Future<KubeClients> clients;

  private ConnectAhead(Future<KubeClients> clients) {
    this.clients = clients;
  }

  /** Starts connecting with {@code kubeconfig} (empty: the usual places); does not block. */
  public static ConnectAhead start(Optional<Path> kubeconfig) {
    FutureTask<KubeClients> task = new FutureTask<>(() -> warm(KubeClients.connect(kubeconfig)));
    Thread thread = new Thread(task, "api-connect");
    thread.setDaemon(true);
    thread.start();
    return new ConnectAhead(task);
  }

  /**
   * The clients, once built; may block. A bad kubeconfig fails here as it would have failed {@link
   * KubeClients#connect(Optional)}, with the same {@link ConfigException}.
   */
  public KubeClients clients() throws InterruptedException {
    try {
      return clients.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("cannot build the API clients", e.getCause());
    }
  }

  /**
   * One cheap request on each connection pool (GET /version, open to every identity), both at once,
   * so the TLS handshakes are done before the node's first calls. A failure is left to those calls
   * to report.
   */
  private static KubeClients warm(KubeClients clients) {
    CompletableFuture<Void> watches = CompletableFuture.runAsync(() -> version(clients.watches()));
    version(clients.calls());
    watches.join();
    return clients;
  }

  private static void version(ApiClient client) {
    try {
      new VersionApi(client).getCode().execute();
    } catch (Exception e) { // NOPMD: the node's own first call reports an unreachable API server
      // nothing to do here
    }
  }
}
