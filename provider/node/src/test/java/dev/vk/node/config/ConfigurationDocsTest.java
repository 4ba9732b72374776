package dev.vk.node.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConfigurationDocsTest {
  @Test
  @DisplayName("docs/configuration.md documents every setting the node accepts")
  void docsListEverySetting() throws Exception {
    Path docs = Path.of("../../docs/configuration.md");
    String text = Files.readString(docs);
    for (SettingCatalog.Setting s : SettingCatalog.CORE) {
      assertThat(text)
          .as("docs/configuration.md mentions %s", s.name())
          .contains("`" + s.name() + "`");
    }
  }
}
