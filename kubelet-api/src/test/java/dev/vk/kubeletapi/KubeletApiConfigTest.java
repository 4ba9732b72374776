package dev.vk.kubeletapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vk.kubeletapi.spi.AccessDecision;
import dev.vk.kubeletapi.spi.AccessReviewer;
import dev.vk.kubeletapi.spi.TokenReviewer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KubeletApiConfigTest {
  private static final TokenReviewer TOKENS = token -> Optional.empty();
  private static final AccessReviewer ACCESS = (user, attributes) -> AccessDecision.allow();

  @Test
  @DisplayName("defaults follow the kubelet")
  void defaults() {
    KubeletApiConfig config =
        KubeletApiConfig.builder()
            .nodeName("vk")
            .tokenReviewer(TOKENS)
            .accessReviewer(ACCESS)
            .build();
    assertThat(config.bindAddress().getPort()).isEqualTo(10250);
    assertThat(config.streamIdleTimeout()).isEqualTo(Duration.ofHours(4));
    assertThat(config.streamCreationTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.tokenCacheTtl()).isEqualTo(Duration.ofMinutes(2));
    assertThat(config.allowedCacheTtl()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.deniedCacheTtl()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.selfSignedHosts()).containsExactly("vk", "localhost", "127.0.0.1");
    assertThat(config.insecure()).isFalse();
  }

  @Test
  @DisplayName("secure mode needs an authorizer and an authenticator")
  void secureNeedsReviewers() {
    assertThatThrownBy(
            () -> KubeletApiConfig.builder().nodeName("vk").tokenReviewer(TOKENS).build())
        .hasMessageContaining("accessReviewer");
    assertThatThrownBy(
            () -> KubeletApiConfig.builder().nodeName("vk").accessReviewer(ACCESS).build())
        .hasMessageContaining("tokenReviewer or a clientCaFile");
  }

  @Test
  @DisplayName("insecure mode refuses reviewers, so nobody believes auth is on")
  void insecure() {
    assertThat(
            KubeletApiConfig.builder()
                .nodeName("vk")
                .bindHost("127.0.0.1")
                .insecure(true)
                .build()
                .insecure())
        .isTrue();
    assertThatThrownBy(
            () ->
                KubeletApiConfig.builder()
                    .nodeName("vk")
                    .insecure(true)
                    .accessReviewer(ACCESS)
                    .build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("insecure mode serves only on loopback: anyone else could exec into every pod")
  void insecureOnlyOnLoopback() {
    assertThat(KubeletApiConfig.builder().nodeName("vk").bindHost("::1").insecure(true).build())
        .isNotNull();
    for (String host : new String[] {"0.0.0.0", "10.1.2.3", "::"}) {
      assertThatThrownBy(
              () -> KubeletApiConfig.builder().nodeName("vk").bindHost(host).insecure(true).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "insecure mode serves only on a loopback address (127.0.0.1, ::1), not " + host);
    }
  }

  @Test
  @DisplayName("node name, port, certificate pairs and files are checked")
  void validation() {
    assertThatThrownBy(() -> KubeletApiConfig.builder().insecure(true).build())
        .hasMessageContaining("nodeName");
    assertThatThrownBy(
            () -> KubeletApiConfig.builder().nodeName("vk").insecure(true).port(70000).build())
        .hasMessageContaining("port");
    assertThatThrownBy(
            () ->
                KubeletApiConfig.builder()
                    .nodeName("vk")
                    .insecure(true)
                    .tls(Path.of("/nope.crt"), null)
                    .build())
        .hasMessageContaining("both");
    assertThatThrownBy(
            () ->
                KubeletApiConfig.builder()
                    .nodeName("vk")
                    .insecure(true)
                    .tls(Path.of("/nope.crt"), Path.of("/nope.key"))
                    .build())
        .hasMessageContaining("not readable");
  }
}
