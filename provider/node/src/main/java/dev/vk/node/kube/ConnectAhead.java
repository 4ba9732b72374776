package dev.vk.node.kube;

import dev.vk.node.config.ConfigException;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.VersionApi;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Builds the API clients and opens their connections on a thread of their own while the rest of the
 * node starts. Most of that work is loading and running the TLS, HTTP/2 and YAML code for the first
 * time (about a third of a second of CPU); on a node's one or two cores it overlaps the logging,
 * metrics and provider set-up instead of following it.
 */
public final class ConnectAhead {
  /**
   * The longest {@link #clients()} waits for the connections once the clients are built: an API
   * server that does not answer is the node's own first call to report, not this one's.
   */
  static final Duration WARM_WAIT = Duration.ofSeconds(2);

  private final CompletableFuture<KubeClients> built = new CompletableFuture<>();
  private final CompletableFuture<Void> warmed = new CompletableFuture<>();

  private ConnectAhead() {}

  /** Starts connecting with {@code kubeconfig} (empty: the usual places); does not block. */
  public static ConnectAhead start(Optional<Path> kubeconfig) {
    ConnectAhead ahead = new ConnectAhead();
    Thread thread =
        new Thread(
            () -> {
              KubeClients clients;
              try {
                clients = KubeClients.connect(kubeconfig);
              } catch (RuntimeException e) {
                ahead.built.completeExceptionally(e);
                return;
              }
              ahead.built.complete(clients);
              warm(clients);
              ahead.warmed.complete(null);
            },
            "api-connect");
    thread.setDaemon(true);
    thread.start();
    return ahead;
  }

  /**
   * The clients, once built and connected (or after {@link #WARM_WAIT}); blocks. A bad kubeconfig
   * fails here as it would have failed {@link KubeClients#connect(Optional)}, with the same {@link
   * ConfigException}.
   */
  public KubeClients clients() throws InterruptedException {
    KubeClients clients = built();
    try {
      warmed.get(WARM_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // the node's first call meets whatever kept the connections from opening
    }
    return clients;
  }

  /**
   * The clients once built, their connections perhaps still opening; blocks. For set-up that makes
   * no API call (a provider talks to its cloud) while the handshakes run. A bad kubeconfig fails
   * here as in {@link #clients()}.
   */
  public KubeClients built() throws InterruptedException {
    try {
      return built.get();
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
  private static void warm(KubeClients clients) {
    CompletableFuture<Void> watches = CompletableFuture.runAsync(() -> version(clients.watches()));
    version(clients.calls());
    watches.join();
  }

  private static void version(ApiClient client) {
    try {
      new VersionApi(client).getCode().execute();
    } catch (Exception e) { // NOPMD: the node's own first call reports an unreachable API server
      // nothing to do here
    }
  }
}
