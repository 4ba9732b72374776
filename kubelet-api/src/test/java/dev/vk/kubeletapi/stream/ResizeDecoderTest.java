package dev.vk.kubeletapi.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.kubelet.types.TerminalSize;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResizeDecoderTest {
  private final List<TerminalSize> sizes = new ArrayList<>();
  private final ResizeDecoder decoder = new ResizeDecoder(sizes::add);

  private boolean feed(String text) {
    return decoder.feed(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("objects split across frames and packed several to a frame are all decoded")
  void framing() {
    assertThat(feed("{\"Width\":80,")).isTrue();
    assertThat(sizes).isEmpty();
    assertThat(feed("\"Height\":24}{\"Width\":100,\"Height\":30}\n{\"Width\"")).isTrue();
    assertThat(feed(":1,\"Height\":2}")).isTrue();
    assertThat(sizes)
        .containsExactly(
            new TerminalSize(80, 24), new TerminalSize(100, 30), new TerminalSize(1, 2));
  }

  @Test
  @DisplayName("keys match case-insensitively and unknown fields are skipped")
  void lenient() {
    feed("{\"width\":10,\"HEIGHT\":20,\"extra\":{\"Width\":999},\"list\":[1,2]}");
    assertThat(sizes).containsExactly(new TerminalSize(10, 20));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not json",
        "[1,2]",
        "{\"Width\":\"80\"}",
        "{\"Width\":-1}",
        "{\"Height\":70000}",
        "{\"Width\":1.5}",
        "42 "
      })
  @DisplayName("malformed input stops the decoder for good")
  void malformed(String text) {
    assertThat(feed(text)).isFalse();
    assertThat(feed("{\"Width\":1,\"Height\":1}")).isFalse();
    assertThat(sizes).isEmpty();
  }
}
