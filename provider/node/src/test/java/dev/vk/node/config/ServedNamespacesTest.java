package dev.vk.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vk.provider.settings.SettingException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServedNamespacesTest {
  private static ServedNamespaces parse(String value) {
    return ServedNamespaces.from(Settings.of(Map.of("namespaces", value)));
  }

  @Test
  void emptyOrUnsetServesEveryNamespace() {
    assertThat(ServedNamespaces.from(Settings.of(Map.of())).all()).isTrue();
    assertThat(parse(" ").serves("anything")).isTrue();
  }

  @Test
  void aCommaListOrAYamlListServesOnlyThoseNamespaces() {
    for (String value : new String[] {"team-a, team-b", "[team-a, team-b]"}) {
      ServedNamespaces ns = parse(value);
      assertThat(ns.all()).isFalse();
      assertThat(ns.names()).containsExactly("team-a", "team-b");
      assertThat(ns.serves("team-b")).isTrue();
      assertThat(ns.serves("default")).isFalse();
      assertThat(ns).hasToString("team-a, team-b");
    }
  }

  @Test
  void anInvalidNameStopsTheNodeWithOneLine() {
    assertThatThrownBy(() -> parse("team-a,Team_B"))
        .isInstanceOf(SettingException.class)
        .hasMessage("namespaces: 'Team_B' is invalid; expected comma-separated namespace names");
  }
}
