package dev.vk.node.pod;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProviderKeysTest {
  private final ProviderKeys keys = new ProviderKeys();

  @Test
  @DisplayName("before the provider was listed any name may be held")
  void beforeTheList() {
    assertThat(keys.mayHold("default/a")).isTrue();
    keys.listed(List.of("default/b"));
    assertThat(keys.mayHold("default/a")).isFalse();
    assertThat(keys.mayHold("default/b")).isTrue();
  }

  @Test
  @DisplayName("a name is held from its create on until the provider answers it has nothing there")
  void createdUntilAbsent() {
    keys.listed(List.of());
    keys.creating("default/a");
    assertThat(keys.mayHold("default/a")).isTrue();
    keys.absent("default/a");
    assertThat(keys.mayHold("default/a")).isFalse();
  }

  @Test
  @DisplayName(
      "a name missing from a list stays held while its API pod exists, and is forgotten when"
          + " neither has it")
  void keepOnly() {
    keys.listed(List.of("default/listed", "default/api", "default/gone"));
    keys.keepOnly(Set.of("default/listed"), Set.of("default/api"));
    assertThat(keys.mayHold("default/listed")).isTrue();
    assertThat(keys.mayHold("default/api")).isTrue();
    assertThat(keys.mayHold("default/gone")).isFalse();
    assertThat(keys.size()).isEqualTo(2);
  }
}
