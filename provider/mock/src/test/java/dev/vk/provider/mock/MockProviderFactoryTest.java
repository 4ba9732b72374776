package dev.vk.provider.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vk.provider.ProviderFactory;
import java.time.Duration;
import java.util.ServiceLoader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

  @ParameterizedTest(name = "{0} is {1} ms")
  @CsvSource({"500ms, 500", "2s, 2000", "1m, 60000", "1h, 3600000", "PT1.5S, 1500", "0s, 0"})
  @DisplayName("durations are written as 500ms, 2s, 1m, 1h or ISO-8601")
  void durations(String text, long millis) {
    assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
  }

  @Test
  @DisplayName("a start-delay that is not a duration is a one-line settings error")
  void invalidStartDelay() {
    assertThatThrownBy(
            () -> new MockProviderFactory().create(Contexts.context("start-delay", "-1s")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("mock setting start-delay: '-1s' is not a duration");
  }
}
