package dev.vk.provider.fargate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vk.provider.fargate.portforward.PortForwardPath;
import dev.vk.provider.settings.SettingException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PortForwardSettingsTest {
  private static PortForwardSettings parse(Map<String, String> s) {
    return PortForwardSettings.from(name -> Optional.ofNullable(s.get(name)));
  }

  @Test
  void defaultsToSessionsWithoutAnEndpointOverride() {
    PortForwardSettings s = parse(Map.of());

    assertThat(s.path()).isEqualTo(PortForwardPath.SESSION);
    assertThat(s.ssmEndpoint()).isEmpty();
  }

  @Test
  void readsTheDirectPathAndTheEndpoint() {
    PortForwardSettings s =
        parse(Map.of("port-forward", " Direct ", "ssm-endpoint", "https://vpce.example:443"));

    assertThat(s.path()).isEqualTo(PortForwardPath.DIRECT);
    assertThat(s.ssmEndpoint()).contains(URI.create("https://vpce.example:443"));
  }

  @Test
  void anUnknownPathIsAOneLineErrorNamingTheSetting() {
    assertThatThrownBy(() -> parse(Map.of("port-forward", "tunnel")))
        .isInstanceOf(SettingException.class)
        .hasMessage("fargate-port-forward: 'tunnel' is invalid; expected one of session, direct");
  }
}
