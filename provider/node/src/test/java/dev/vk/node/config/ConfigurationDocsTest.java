package dev.vk.node.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.provider.testkit.SettingsDocs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** docs/configuration.md against the node's settings, their defaults and its --help. */
class ConfigurationDocsTest {
  private static final SettingsDocs DOCS = SettingsDocs.page("configuration.md");

  @Test
  @DisplayName("docs/configuration.md lists every node setting with the default the code uses")
  void docsMatchCode() {
    Map<String, Object> defaults = new LinkedHashMap<>();
    Settings settings = Settings.observed(Map.of("internal-ip", "10.0.0.1"), defaults::put);
    NodeConfig.from(settings);
    KubeletApiSettings.from(settings);
    LeaderElectionSettings.from(settings, "virtual-kubelet", Map.of());
    ServedNamespaces.from(settings);

    Set<String> catalog =
        SettingCatalog.CORE.stream().map(SettingCatalog.Setting::name).collect(Collectors.toSet());
    assertThat(catalog)
        .as("settings the code reads are in the catalog")
        .containsAll(defaults.keySet());
    DOCS.assertMatches(catalog, defaults);
  }

  @Test
  @DisplayName(
      "every flag --help shows is in docs/configuration.md, and every documented one in --help")
  void helpMatchesDocs() {
    Set<String> flags = new TreeSet<>();
    Matcher m =
        Pattern.compile("^\\s+--(\\S+)", Pattern.MULTILINE).matcher(SettingCatalog.help(List.of()));
    while (m.find()) {
      flags.add(m.group(1));
    }
    assertThat(flags).containsExactlyInAnyOrderElementsOf(DOCS.names());
  }

  @Test
  @DisplayName("--help shows the default docs/configuration.md writes as a value")
  void helpDefaultsMatchDocs() {
    for (SettingCatalog.Setting s : SettingCatalog.CORE) {
      DOCS.defaultOf(s.name())
          .filter(documented -> !documented.contains("<") || s.defaultValue().contains("<"))
          .ifPresent(
              documented ->
                  assertThat(s.defaultValue())
                      .as("--help default of %s", s.name())
                      .isEqualTo(documented));
    }
  }
}
