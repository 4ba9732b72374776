package dev.vk.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vk.provider.settings.SettingException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LeaderElectionSettingsTest {
  private static LeaderElectionSettings from(Map<String, String> values, Map<String, String> env) {
    return LeaderElectionSettings.from(Settings.of(values), "vk-aci", env);
  }

  @Test
  @DisplayName("off by default; timings that take over within 15 s; lease named after the node")
  void defaults() {
    LeaderElectionSettings s = from(Map.of(), Map.of("HOSTNAME", "vk-0"));
    assertThat(s.enabled()).isFalse();
    assertThat(s.name()).isEqualTo("vk-aci-leader");
    assertThat(s.leaseDuration().plus(s.retryPeriod().multipliedBy(2)))
        .isLessThanOrEqualTo(Duration.ofSeconds(10));
    assertThat(s.renewDeadline()).isLessThan(s.leaseDuration());
    assertThat(s.identity()).startsWith("vk-0_");
    assertThat(from(Map.of(), Map.of("HOSTNAME", "vk-0")).identity())
        .as("a random suffix per process")
        .isNotEqualTo(s.identity());
  }

  @Test
  @DisplayName("the namespace comes from the setting, else POD_NAMESPACE")
  void namespace() {
    assertThat(from(Map.of(), Map.of("POD_NAMESPACE", "vk-system")).namespace())
        .isEqualTo("vk-system");
    assertThat(
            from(Map.of("leader-elect-resource-namespace", "ops"), Map.of("POD_NAMESPACE", "x"))
                .namespace())
        .isEqualTo("ops");
  }

  @Test
  @DisplayName(
      "a renew deadline not shorter than the lease, or a retry not shorter than it, stops startup")
  void badTimings() {
    assertThatThrownBy(
            () ->
                from(
                    Map.of(
                        "leader-elect-lease-duration", "5s", "leader-elect-renew-deadline", "5s"),
                    Map.of()))
        .isInstanceOf(SettingException.class)
        .hasMessage(
            "leader-elect-renew-deadline: '5s' is invalid; expected shorter than"
                + " leader-elect-lease-duration (PT5S)");
    assertThatThrownBy(() -> from(Map.of("leader-elect-retry-period", "6s"), Map.of()))
        .isInstanceOf(SettingException.class)
        .hasMessage(
            "leader-elect-retry-period: '6s' is invalid; expected shorter than"
                + " leader-elect-renew-deadline (PT5S)");
    assertThatThrownBy(() -> from(Map.of("leader-elect-resource-name", "Bad_Name"), Map.of()))
        .isInstanceOf(SettingException.class);
  }
}
