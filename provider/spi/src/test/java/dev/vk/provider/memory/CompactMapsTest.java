package dev.vk.provider.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CompactMapsTest {
  @Test
  void aCopyEqualsTheMapAndIsUnmodifiable() {
    Map<String, String> labels = new TreeMap<>(Map.of("app", "web", "tier", "front"));

    Map<String, String> copy = CompactMaps.copyOf(labels);
    labels.put("app", "changed");

    assertThat(copy).containsOnly(Map.entry("app", "web"), Map.entry("tier", "front"));
    assertThatThrownBy(() -> copy.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void nullOrEmptyIsEmptyAndNullValuesAreKept() {
    Map<String, String> image = new HashMap<>();
    image.put("app", null);

    assertThat(CompactMaps.<String, String>copyOf(null)).isEmpty();
    assertThat(CompactMaps.copyOf(Map.of())).isEmpty();
    assertThat(CompactMaps.copyOf(image)).containsEntry("app", null).hasSize(1);
  }
}
