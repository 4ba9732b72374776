package dev.vk.emulator.aci.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class VolumeSpecTest {
  @Test
  @DisplayName("a source the SDK sends as null is absent, as ARM reads it")
  void nullSourcesAreAbsent() throws Exception {
    VolumeSpec v =
        VolumeSpec.parse(
            new ObjectMapper()
                .readTree("{\"name\":\"v\",\"emptyDir\":null,\"secret\":{\"a\":\"Yg==\"}}"));
    assertThat(v.kinds()).containsExactly("secret");
  }

  @Test
  @DisplayName("two real sources are both seen, so ACI's 'exactly one' rule can refuse them")
  void twoSources() throws Exception {
    VolumeSpec v =
        VolumeSpec.parse(
            new ObjectMapper()
                .readTree("{\"name\":\"v\",\"emptyDir\":{},\"secret\":{\"a\":\"Yg==\"}}"));
    assertThat(v.kinds()).containsExactlyInAnyOrder("emptyDir", "secret");
  }
}
