package dev.vk.node.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vk.node.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialSourceTest {
  private static final Map<String, String> IN_POD =
      Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1", "KUBERNETES_SERVICE_PORT", "443");

  @TempDir Path dir;
  private Path home;
  private Path serviceAccount;

  @BeforeEach
  void dirs() throws IOException {
    home = Files.createDirectories(dir.resolve("home"));
    serviceAccount = Files.createDirectories(dir.resolve("serviceaccount"));
  }

  @Test
  void aPodsServiceAccountComesFirst() throws IOException {
    Files.writeString(serviceAccount.resolve("token"), "t");
    homeConfig();
    CredentialSource source =
        CredentialSource.find(withKubeconfig(IN_POD, "/elsewhere"), home, serviceAccount);
    assertThat(source.inCluster()).isTrue();
  }

  @Test
  void withoutATokenTheServiceVariablesAreNotEnough() throws IOException {
    Path config = homeConfig();
    assertThat(CredentialSource.find(IN_POD, home, serviceAccount).kubeconfig()).contains(config);
  }

  @Test
  void kubeconfigVariableBeforeTheHomeDirectory() throws IOException {
    homeConfig();
    assertThat(
            CredentialSource.find(withKubeconfig(Map.of(), "/etc/kube.conf"), home, serviceAccount)
                .kubeconfig())
        .isEqualTo(Optional.of(Path.of("/etc/kube.conf")));
  }

  @Test
  void noCredentialsAtAllIsAOneLineConfigError() {
    assertThatThrownBy(() -> CredentialSource.find(Map.of(), home, serviceAccount))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("no Kubernetes credentials:")
        .hasMessageContaining(serviceAccount + "/token")
        .message()
        .doesNotContain("\n");
  }

  private Path homeConfig() throws IOException {
    Path config = Files.createDirectories(home.resolve(".kube")).resolve("config");
    Files.writeString(config, "apiVersion: v1\nkind: Config\n");
    return config;
  }

  private static Map<String, String> withKubeconfig(Map<String, String> env, String file) {
    Map<String, String> all = new HashMap<>(env);
    all.put("KUBECONFIG", file);
    return all;
  }
}
