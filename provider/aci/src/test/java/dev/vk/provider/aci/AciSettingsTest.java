package dev.vk.provider.aci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vk.provider.ProviderContext;
import dev.vk.provider.aci.config.AciMetricsSettings;
import dev.vk.provider.aci.config.AciSettings;
import dev.vk.provider.settings.SettingException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The azure provider's settings: their defaults and the one-line refusal of a bad value. */
class AciSettingsTest {

  private static Map<String, String> required() {
    Map<String, String> s = new HashMap<>();
    s.put("subscription-id", "s1");
    s.put("resource-group", "rg");
    s.put("region", "westeurope");
    s.put("cluster-id", "c1");
    return s;
  }

  private static ProviderContext context(Map<String, String> s) {
    return new ProviderContext("vk-node", "192.0.2.1", name -> Optional.ofNullable(s.get(name)));
  }

  @Test
  void defaults() {
    AciSettings s = AciSettings.from(context(required()));

    assertThat(s.pods().osType()).isEqualTo("Linux");
    assertThat(s.pods().defaultCpu()).isEqualTo(1.0);
    assertThat(s.pods().defaultMemoryGb()).isEqualTo(1.5);
    assertThat(s.pods().maxCpu()).isEqualTo(4);
    assertThat(s.pods().maxMemoryGb()).isEqualTo(16);
    assertThat(s.pods().dnsNameLabel()).isEqualTo("annotation");
    assertThat(s.pods().gpuSku()).isEqualTo("V100");
    assertThat(s.polling().statusInterval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(s.polling().callsPerMinute()).isEqualTo(300);
    assertThat(s.polling().fullRefresh()).isEqualTo(Duration.ofMinutes(30));
    assertThat(s.polling().settle()).isEqualTo(Duration.ofMinutes(1));
    assertThat(s.polling().requestsPerSecond()).isEqualTo(10);
    assertThat(s.polling().logPoll()).isEqualTo(Duration.ofSeconds(2));
    assertThat(s.polling().readShare()).isEqualTo(0.1);
    assertThat(s.connection().armEndpoint()).isEmpty();
    AciMetricsSettings metrics = AciMetricsSettings.from(context(required()), "westeurope");
    assertThat(metrics.endpoint()).isEqualTo("https://westeurope.metrics.monitor.azure.com");
    assertThat(metrics.freshness()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void readsTheCommonFormsAndTrimsEndpoints() {
    Map<String, String> s = required();
    s.put("status-interval", "PT30S");
    s.put("status-read-share", "25%");
    s.put("os-type", "windows");
    s.put("arm-endpoint", "https://arm.example/");
    AciSettings read = AciSettings.from(context(s));

    assertThat(read.polling().statusInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(read.polling().readShare()).isEqualTo(0.25);
    assertThat(read.pods().osType()).isEqualTo("Windows");
    assertThat(read.connection().armEndpoint()).contains("https://arm.example");
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "region            | ''                 | azure-region: not set; expected",
        "status-interval   | 0s                 | azure-status-interval: '0s' is invalid",
        "log-poll-interval | soon               | azure-log-poll-interval: 'soon' is invalid",
        "settle-time       | -1s                | azure-settle-time: '-1s' is invalid",
        "default-cpu       | 0                  | azure-default-cpu: '0' is invalid",
        "status-calls-per-minute | 1.5          | azure-status-calls-per-minute: '1.5' is invalid",
        "status-read-share | 150%               | azure-status-read-share: '150%' is invalid",
        "os-type           | Mac                | azure-os-type: 'Mac' is invalid",
        "dns-name-label    | always             | azure-dns-name-label: 'always' is invalid",
        "arm-endpoint      | http://arm.example | azure-arm-endpoint: 'http://arm.example' is invalid",
        "ca-file           | /no/such/ca.pem    | azure-ca-file: '/no/such/ca.pem' is invalid",
        "client-secret     | hunter2            | azure-client-secret: '***' is invalid",
      })
  void aBadValueIsOneLineNamingTheSetting(String name, String value, String expected) {
    Map<String, String> s = required();
    s.put(name, value);

    assertThatThrownBy(() -> AciSettings.from(context(s)))
        .isInstanceOf(SettingException.class)
        .hasMessageStartingWith(expected)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "hunter2"));
  }

  @Test
  void aBadMetricsEndpointIsRefused() {
    Map<String, String> s = required();
    s.put("metrics-endpoint", "http://metrics.example");

    assertThatThrownBy(() -> AciMetricsSettings.from(context(s), "westeurope"))
        .hasMessage(
            "azure-metrics-endpoint: 'http://metrics.example' is invalid; expected an absolute"
                + " https URL");
  }
}
