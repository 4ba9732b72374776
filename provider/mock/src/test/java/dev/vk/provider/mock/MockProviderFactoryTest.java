package dev.vk.provider.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vk.provider.ProviderFactory;
import dev.vk.provider.settings.SettingException;
import java.time.Duration;
import java.util.ServiceLoader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The node finds the mock by name and validates its settings. */
class MockProviderFactoryTest {

  @Test
  @DisplayName("the mock is found through ServiceLoader under the name mock")
  void registered() throws Exception {
    ProviderFactory factory =
        ServiceLoader.load(ProviderFactory.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(f -> f.name().equals("mock"))
            .findFirst()
            .orElseThrow();

    assertThat(factory.settingNames()).containsExactlyInAnyOrder("state-file", "start-delay");
    assertThat(factory.create(Contexts.context())).isInstanceOf(InMemoryProvider.class);
  }

  @Test
  @DisplayName("start-delay defaults to 1s and reads the common duration forms")
  void startDelay() {
    assertThat(MockSettings.from(Contexts.context()).startDelay()).isEqualTo(Duration.ofSeconds(1));
    assertThat(MockSettings.from(Contexts.context("start-delay", "PT1.5S")).startDelay())
        .isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  @DisplayName("a start-delay that is not a duration is a one-line settings error")
  void invalidStartDelay() {
    assertThatThrownBy(
            () -> new MockProviderFactory().create(Contexts.context("start-delay", "-1s")))
        .isInstanceOf(SettingException.class)
        .hasMessage(
            "mock-start-delay: '-1s' is invalid; expected a duration like 500ms, 30s, 5m, 1h30m"
                + " or PT5S");
  }
}
