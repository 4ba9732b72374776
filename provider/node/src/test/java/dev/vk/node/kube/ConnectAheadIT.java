package dev.vk.node.kube;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.vk.node.config.ConfigException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The API clients built and connected ahead of the node's start, against a fake API server. */
@Timeout(20)
class ConnectAheadIT {
  @RegisterExtension
  static final WireMockExtension api =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path dir;

  private Path kubeconfig(String server) throws IOException {
    return TokenKubeconfig.write(dir, server);
  }

  @Test
  @DisplayName("the clients come back connected: each connection pool has sent GET /version")
  void connected() throws Exception {
    api.stubFor(
        get(urlPathMatching("/version/?")).willReturn(okJson("{\"gitVersion\":\"v1.34.4\"}")));

    KubeClients clients = ConnectAhead.start(Optional.of(kubeconfig(api.baseUrl()))).clients();

    assertThat(clients.calls().getBasePath()).isEqualTo(api.baseUrl());
    assertThat(api.findAll(getRequestedFor(urlPathMatching("/version/?")))).hasSize(2);
  }

  @Test
  @DisplayName(
      "an API server that accepts and never answers delays the clients by the warm wait only")
  void silentServer() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      long start = System.nanoTime();

      KubeClients clients =
          ConnectAhead.start(Optional.of(kubeconfig("http://127.0.0.1:" + silent.getLocalPort())))
              .clients();

      long waited = (System.nanoTime() - start) / 1_000_000;
      assertThat(clients).isNotNull();
      assertThat(waited)
          .isGreaterThanOrEqualTo(ConnectAhead.WARM_WAIT.toMillis())
          .isLessThan(KubeClients.PING_INTERVAL.toMillis());
    }
  }

  @Test
  @DisplayName(
      "built clients come back without waiting for their connections, for set-up that calls no"
          + " API")
  void builtWithoutConnections() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      String server = "http://127.0.0.1:" + silent.getLocalPort();
      long start = System.nanoTime();

      KubeClients clients = ConnectAhead.start(Optional.of(kubeconfig(server))).built();

      long waited = (System.nanoTime() - start) / 1_000_000;
      assertThat(clients.calls().getBasePath()).isEqualTo(server);
      assertThat(waited).isLessThan(ConnectAhead.WARM_WAIT.toMillis());
    }
  }

  @Test
  @DisplayName("a kubeconfig that does not exist fails with the node's one-line config error")
  void missingKubeconfig() {
    ConnectAhead ahead = ConnectAhead.start(Optional.of(dir.resolve("absent")));

    assertThatThrownBy(ahead::built)
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("does not exist or is not readable");
    assertThatThrownBy(ahead::clients)
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("does not exist or is not readable");
  }
}
