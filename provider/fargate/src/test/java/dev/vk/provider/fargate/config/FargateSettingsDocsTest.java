package dev.vk.provider.fargate.config;

import dev.vk.provider.fargate.FargateProviderFactory;
import dev.vk.provider.testkit.SettingsDocs;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FargateSettingsDocsTest {
  @Test
  @DisplayName("docs/providers/fargate.md lists every fargate setting with the code's default")
  void docsMatchCode() {
    Map<String, Object> defaults =
        SettingsDocs.defaults(
            Map.of("region", "eu-west-1", "subnets", "subnet-1"),
            s -> {
              FargateSettings.from(s);
              MetricsSettings.from(s);
              PortForwardSettings.from(s);
            });
    SettingsDocs.page("providers/fargate.md")
        .assertMatches(new FargateProviderFactory().settingNames(), defaults);
  }
}
