package dev.vk.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vk.kubeletapi.limits.ServerLimits;
import dev.vk.provider.settings.SettingException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KubeletApiSettingsTest {
  @Test
  @DisplayName("without settings the kubelet API gets the default limits and a 10 s TLS reload")
  void defaults() {
    KubeletApiSettings s = KubeletApiSettings.from(Settings.of(Map.of()));
    assertThat(s.limits()).isEqualTo(ServerLimits.DEFAULTS);
    assertThat(s.tlsReloadInterval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(s.insecure()).isFalse();
  }

  @Test
  @DisplayName("every limit is a setting")
  void limits() {
    KubeletApiSettings s =
        KubeletApiSettings.from(
            Settings.of(
                Map.ofEntries(
                    Map.entry("kubelet-max-connections", "50"),
                    Map.entry("kubelet-max-connections-per-address", "5"),
                    Map.entry("kubelet-max-pipelined-requests", "4"),
                    Map.entry("kubelet-max-port-forward-pairs", "8"),
                    Map.entry("kubelet-request-read-timeout", "3s"),
                    Map.entry("kubelet-request-threads", "6"),
                    Map.entry("kubelet-request-queue", "7"),
                    Map.entry("kubelet-stream-threads", "9"),
                    Map.entry("kubelet-token-reviews-per-second", "2"),
                    Map.entry("kubelet-token-review-burst", "3"),
                    Map.entry("tls-reload-interval", "0s"))));
    assertThat(s.limits())
        .isEqualTo(new ServerLimits(50, 5, 4, 8, Duration.ofSeconds(3), 6, 7, 9, 2, 3));
    assertThat(s.tlsReloadInterval()).isZero();
  }

  @Test
  @DisplayName("a limit out of range is a one-line config error")
  void badLimit() {
    assertThatThrownBy(
            () -> KubeletApiSettings.from(Settings.of(Map.of("kubelet-max-connections", "0"))))
        .isInstanceOf(SettingException.class)
        .hasMessage(
            "kubelet-max-connections: '0' is invalid; expected a whole number from 1 to 1000000");
    assertThatThrownBy(
            () ->
                KubeletApiSettings.from(Settings.of(Map.of("kubelet-request-read-timeout", "0s"))))
        .isInstanceOf(SettingException.class)
        .hasMessageStartingWith(
            "kubelet-request-read-timeout: '0s' is invalid; expected a positive duration");
  }

  @Test
  @DisplayName("insecure mode is refused unless the kubelet API binds loopback")
  void insecureOnlyOnLoopback() {
    assertThatThrownBy(
            () -> KubeletApiSettings.from(Settings.of(Map.of("insecure-kubelet-api", "true"))))
        .isInstanceOf(SettingException.class)
        .hasMessage(
            "kubelet-address: '0.0.0.0' is invalid; expected loopback (127.0.0.1 or ::1) with"
                + " insecure-kubelet-api");
    assertThat(
            KubeletApiSettings.from(
                    Settings.of(
                        Map.of("insecure-kubelet-api", "true", "kubelet-address", "127.0.0.1")))
                .insecure())
        .isTrue();
  }
}
