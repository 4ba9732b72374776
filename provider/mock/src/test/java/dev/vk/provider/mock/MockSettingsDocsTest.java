package dev.vk.provider.mock;

import dev.vk.provider.ProviderContext;
import dev.vk.provider.testkit.SettingsDocs;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MockSettingsDocsTest {
  @Test
  @DisplayName("docs/providers/mock.md lists every mock setting with the code's default")
  void docsMatchCode() {
    Map<String, Object> defaults =
        SettingsDocs.defaults(
            Map.of(), s -> MockSettings.from(new ProviderContext("n", "10.0.0.1", s)));
    SettingsDocs.page("providers/mock.md")
        .assertMatches(new MockProviderFactory().settingNames(), defaults);
  }
}
