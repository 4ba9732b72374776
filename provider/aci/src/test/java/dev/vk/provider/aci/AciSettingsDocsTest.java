package dev.vk.provider.aci;

import dev.vk.provider.ProviderContext;
import dev.vk.provider.aci.config.AciMetricsSettings;
import dev.vk.provider.aci.config.AciSettings;
import dev.vk.provider.testkit.SettingsDocs;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AciSettingsDocsTest {
  @Test
  @DisplayName("docs/providers/azure.md lists every azure setting with the code's default")
  void docsMatchCode() {
    Map<String, Object> defaults =
        SettingsDocs.defaults(
            Map.of("subscription-id", "s", "resource-group", "rg", "region", "westeurope"),
            s -> {
              ProviderContext context = new ProviderContext("n", "10.0.0.1", s);
              AciSettings.from(context);
              AciMetricsSettings.from(context, "westeurope");
            });
    SettingsDocs.page("providers/azure.md")
        .assertMatches(new AciProviderFactory().settingNames(), defaults);
  }
}
