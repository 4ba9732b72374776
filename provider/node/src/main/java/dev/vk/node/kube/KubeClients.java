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

/** Builds the API clients: one for ordinary calls, one without read timeout for watches. */
public final class KubeClients {
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

  private final ApiClient calls;
  private final ApiClient watches;

  private KubeClients(ApiClient calls, ApiClient watches) {
    this.calls = calls;
    this.watches = watches;
  }

  public static KubeClients connect(Optional<Path> kubeconfig) {
    return connect(kubeconfig, CALL_TIMEOUT);
  }

  /** As {@link #connect(Optional)}, with calls cut after {@code callTimeout}. */
  public static KubeClients connect(Optional<Path> kubeconfig, Duration callTimeout) {
    ApiClient calls = build(kubeconfig);
    calls.setHttpClient(
        calls
            .getHttpClient()
            .newBuilder()
            .readTimeout(callTimeout)
            .callTimeout(callTimeout)
            .build());
    ApiClient watches = build(kubeconfig);
    // The server ends watches after their timeoutSeconds; a client read timeout would cut them.
    watches.setHttpClient(watches.getHttpClient().newBuilder().readTimeout(Duration.ZERO).build());
    return new KubeClients(calls, watches);
  }

  public ApiClient calls() {
    return calls;
  }

  public ApiClient watches() {
    return watches;
  }

  private static ApiClient build(Optional<Path> kubeconfig) {
    try {
      if (kubeconfig.isPresent()) {
        Path file = kubeconfig.get();
        if (!Files.isReadable(file)) {
          throw new ConfigException("kubeconfig " + file + " does not exist or is not readable");
        }
        try (Reader reader = Files.newBufferedReader(file)) {
          KubeConfig config = KubeConfig.loadKubeConfig(reader);
          config.setFile(file.toFile());
          return ClientBuilder.kubeconfig(config).build();
        }
      }
      return ClientBuilder.standard().build();
    } catch (IOException | RuntimeException e) {
      if (e instanceof ConfigException c) {
        throw c;
      }
      throw new ConfigException("cannot load Kubernetes credentials: " + e.getMessage());
    }
  }
}
