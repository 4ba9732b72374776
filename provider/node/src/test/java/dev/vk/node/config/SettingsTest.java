package dev.vk.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
  private static final Set<String> KNOWN =
      Set.of("node-name", "provider", "disable-taint", "labels");

  @Test
  @DisplayName("a flag wins over an environment variable, which wins over the config file")
  void precedence(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("vk.yaml");
    Files.writeString(file, "node-name: from-file\nprovider: from-file\nlabels: {a: b, c: d}\n");
    Settings s =
        Settings.load(
            new String[] {"--config", file.toString(), "--node-name=from-flag"},
            Map.of("VK_NODE_NAME", "from-env", "VK_PROVIDER", "from-env"),
            KNOWN);
    assertThat(s.get("node-name")).contains("from-flag");
    assertThat(s.get("provider")).contains("from-env");
    assertThat(s.get("labels")).contains("a=b,c=d");
  }

  @Test
  @DisplayName("the config file can be named by VK_CONFIG")
  void configFromEnvironment(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("vk.yaml");
    Files.writeString(file, "provider: azure\n");
    Settings s = Settings.load(new String[0], Map.of("VK_CONFIG", file.toString()), KNOWN);
    assertThat(s.get("provider")).contains("azure");
  }

  @Test
  @DisplayName("a flag without a value is a boolean switch")
  void booleanSwitch() {
    Settings s =
        Settings.load(new String[] {"--disable-taint", "--provider", "mock"}, Map.of(), KNOWN);
    assertThat(s.get("disable-taint")).contains("true");
    assertThat(s.get("provider")).contains("mock");
  }

  @Test
  @DisplayName("a misspelt flag or file entry is an error naming it, never a silent default")
  void unknownNames(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> Settings.load(new String[] {"--node-nmae", "x"}, Map.of(), KNOWN))
        .isInstanceOf(ConfigException.class)
        .hasMessage("unknown flag --node-nmae (see --help)");
    Path file = dir.resolve("vk.yaml");
    Files.writeString(file, "nodename: x\n");
    assertThatThrownBy(
            () -> Settings.load(new String[] {"--config", file.toString()}, Map.of(), KNOWN))
        .hasMessageContaining("unknown setting 'nodename' in config file");
  }

  @Test
  @DisplayName("a broken or missing config file is a one-line error")
  void badFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("vk.yaml");
    Files.writeString(file, "node-name: [unclosed\n");
    assertThatThrownBy(
            () -> Settings.load(new String[] {"--config", file.toString()}, Map.of(), KNOWN))
        .hasMessageStartingWith("config file " + file + " is not valid YAML")
        .hasMessageNotContaining("\n");
    assertThatThrownBy(
            () ->
                Settings.load(
                    new String[] {"--config", dir.resolve("nope").toString()}, Map.of(), KNOWN))
        .hasMessageStartingWith("cannot read config file");
  }

  @Test
  @DisplayName("a bare argument is rejected")
  void bareArgument() {
    assertThatThrownBy(() -> Settings.load(new String[] {"mock"}, Map.of(), KNOWN))
        .hasMessageContaining("unexpected argument 'mock'");
  }
}
