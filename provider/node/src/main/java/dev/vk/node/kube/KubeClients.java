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
    ApiClient calls = build(kubeconfig);
    calls.setHttpClient(
        calls
            .getHttpClient()
            .newBuilder()
            .readTimeout(CALL_TIMEOUT)
            .callTimeout(CALL_TIMEOUT)
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
