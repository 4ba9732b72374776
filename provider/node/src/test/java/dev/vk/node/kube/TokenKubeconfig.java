package dev.vk.node.kube;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A kubeconfig for a fake API server at a plain-HTTP address, with a bearer token. */
public final class TokenKubeconfig {
  private TokenKubeconfig() {}

  /** Writes {@code dir/kubeconfig} for {@code server} and returns its path. */
  public static Path write(Path dir, String server) throws IOException {
    Path file = dir.resolve("kubeconfig");
    Files.writeString(
        file,
        """
        apiVersion: v1
        kind: Config
        clusters: [{name: fake, cluster: {server: "%s"}}]
        users: [{name: node, user: {token: t}}]
        contexts: [{name: fake, context: {cluster: fake, user: node}}]
        current-context: fake
        """
            .formatted(server));
    return file;
  }

  /** The node's API clients for the fake API server at {@code server}. */
  public static KubeClients clients(Path dir, String server) throws IOException {
    return KubeClients.connect(Optional.of(write(dir, server)));
  }
}
