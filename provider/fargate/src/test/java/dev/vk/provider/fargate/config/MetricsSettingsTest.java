package dev.vk.provider.fargate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vk.provider.settings.SettingException;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetricsSettingsTest {
  private static MetricsSettings parse(Map<String, String> s) {
    return MetricsSettings.from(name -> Optional.ofNullable(s.get(name)));
  }

  @Test
  void defaults() {
    MetricsSettings m = parse(Map.of());
    assertThat(m.freshness()).isEqualTo(Duration.ofSeconds(60));
    assertThat(m.cloudWatchEndpoint()).isEmpty();
    assertThat(parse(Map.of("cloudwatch-endpoint", "http://127.0.0.1:4566")).cloudWatchEndpoint())
        .contains(URI.create("http://127.0.0.1:4566"));
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "metrics-freshness   | soon      | fargate-metrics-freshness:",
        "metrics-freshness   | 0s        | fargate-metrics-freshness:",
        "cloudwatch-endpoint | not a url | fargate-cloudwatch-endpoint:",
      })
  void invalidSettingFailsWithOneLineNamingIt(String name, String value, String expected) {
    Map<String, String> s = new HashMap<>();
    s.put(name, value);
    assertThatThrownBy(() -> parse(s))
        .isInstanceOf(SettingException.class)
        .hasMessageStartingWith(expected)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void everyReadSettingIsDeclared() {
    Map<String, String> seen = new HashMap<>();
    MetricsSettings.from(
        name -> {
          seen.put(name, "");
          return Optional.empty();
        });
    assertThat(FargateSettings.NAMES).containsAll(seen.keySet());
  }
}
