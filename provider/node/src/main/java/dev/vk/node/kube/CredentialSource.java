package dev.vk.node.kube;

import dev.vk.node.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the API credentials come from when the kubeconfig setting is empty, in the order
 * docs/configuration.md gives: the pod's service account (in-cluster), then {@code $KUBECONFIG},
 * then {@code ~/.kube/config}. Without any, startup stops with a one-line error instead of dialling
 * a default address.
 *
 * @param kubeconfig the file to read, empty for the in-cluster configuration
 */
record CredentialSource(Optional<Path> kubeconfig) {
  /** Where a pod's service account token, CA and namespace are mounted. */
  static final Path SERVICE_ACCOUNT_DIR = Path.of("/var/run/secrets/kubernetes.io/serviceaccount");

  boolean inCluster() {
    return kubeconfig.isEmpty();
  }

  /**
   * Pure apart from reading whether files exist; never blocks on the network.
   *
   * @param env the process environment
   * @param home the user's home directory
   * @throws ConfigException when there are no credentials at all
   */
  static CredentialSource find(Map<String, String> env, Path home, Path serviceAccountDir) {
    if (env.containsKey("KUBERNETES_SERVICE_HOST")
        && env.containsKey("KUBERNETES_SERVICE_PORT")
        && Files.isReadable(serviceAccountDir.resolve("token"))) {
      return new CredentialSource(Optional.empty());
    }
    String fromEnv = env.getOrDefault("KUBECONFIG", "");
    if (!fromEnv.isBlank()) {
      return new CredentialSource(Optional.of(Path.of(fromEnv)));
    }
    Path inHome = home.resolve(".kube").resolve("config");
    if (Files.exists(inHome)) {
      return new CredentialSource(Optional.of(inHome));
    }
    throw new ConfigException(
        "no Kubernetes credentials: set kubeconfig, $KUBECONFIG or ~/.kube/config, or run in a pod"
            + " with a service account token ("
            + serviceAccountDir
            + "/token and KUBERNETES_SERVICE_HOST/PORT)");
  }
}
