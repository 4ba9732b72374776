package dev.vk.node.kube;

import dev.vk.node.config.ConfigException;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import okhttp3.OkHttpClient;

/**
 * Builds the API clients: one for ordinary calls, one for lists and watches (with bookmarks), and
 * one that only satisfies SharedInformerFactory. All find a dead connection (one that a network
 * dropped without FIN or RST) by themselves: over HTTP/2 an unanswered ping closes it within two
 * ping intervals; over HTTP/1.1 the read timeout does. Without that, one silently dropped HTTP/2
 * connection would stall every call and the watch for good.
 */
public final class KubeClients {
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

  /** An unanswered ping fails the connection at the next one: detection within 40 s. */
  static final Duration PING_INTERVAL = Duration.ofSeconds(20);

  /**
   * Longer than the API server's bookmark interval (about a minute for watches that ask for
   * bookmarks), so a quiet watch is not cut; a silent connection fails after it.
   */
  static final Duration WATCH_READ_TIMEOUT = Duration.ofSeconds(90);

  private final ApiClient calls;
  private final ApiClient watches;
  private final ApiClient informerFactory;

  private KubeClients(ApiClient calls, ApiClient watches, ApiClient informerFactory) {
    this.calls = calls;
    this.watches = watches;
    this.informerFactory = informerFactory;
  }

  public static KubeClients connect(Optional<Path> kubeconfig) {
    return connect(kubeconfig, CALL_TIMEOUT);
  }

  /** As {@link #connect(Optional)}, with calls cut after {@code callTimeout}. */
  public static KubeClients connect(Optional<Path> kubeconfig, Duration callTimeout) {
    ApiClient calls = build(kubeconfig);
    calls.setHttpClient(
        ChaChaFirst.apply(calls.getHttpClient())
            .readTimeout(callTimeout)
            .callTimeout(callTimeout)
            .pingInterval(PING_INTERVAL)
            .build());
    ApiClient factory = build(kubeconfig);
    // client-java's SharedInformerFactory refuses a client with a read timeout.
    OkHttpClient watchHttp =
        ChaChaFirst.apply(factory.getHttpClient())
            .readTimeout(Duration.ZERO)
            .pingInterval(PING_INTERVAL)
            .addNetworkInterceptor(
                new ConnectionProtocol(
                    "watches",
                    "pings every " + PING_INTERVAL.toSeconds() + "s find a dead watch",
                    "no pings: a dead watch is found by the "
                        + WATCH_READ_TIMEOUT.toSeconds()
                        + "s read timeout"))
            .build();
    factory.setHttpClient(watchHttp);
    ApiClient watches = build(kubeconfig);
    // Same connection pool and pings; the read timeout also covers HTTP/1.1, which has no pings.
    watches.setHttpClient(watchHttp.newBuilder().readTimeout(WATCH_READ_TIMEOUT).build());
    return new KubeClients(calls, watches, factory);
  }

  public ApiClient calls() {
    return calls;
  }

  /**
   * For lists and watches that ask for bookmarks: a read timeout longer than the bookmark interval.
   */
  public ApiClient watches() {
    return watches;
  }

  /**
   * Only to construct a SharedInformerFactory, which refuses a client with a read timeout; its
   * informers must build their calls with {@link #watches()}. Same connections and pings.
   */
  public ApiClient informerFactory() {
    return informerFactory;
  }

  private static ApiClient build(Optional<Path> kubeconfig) {
    try {
      Path file;
      if (kubeconfig.isPresent()) {
        file = kubeconfig.get();
      } else {
        String home = System.getenv().getOrDefault("HOME", System.getProperty("user.home"));
        CredentialSource source =
            CredentialSource.find(
                System.getenv(), Path.of(home), CredentialSource.SERVICE_ACCOUNT_DIR);
        if (source.inCluster()) {
          // Re-reads the token file, which the kubelet rotates (bound tokens expire).
          return ClientBuilder.cluster().build();
        }
        file = source.kubeconfig().orElseThrow();
      }
      if (!Files.isReadable(file)) {
        throw new ConfigException("kubeconfig " + file + " does not exist or is not readable");
      }
      try (Reader reader = Files.newBufferedReader(file)) {
        KubeConfig config = KubeConfig.loadKubeConfig(reader);
        config.setFile(file.toFile());
        return ClientBuilder.kubeconfig(config).build();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof ConfigException c) {
        throw c;
      }
      throw new ConfigException("cannot load Kubernetes credentials: " + e.getMessage());
    }
  }
}
