package dev.vk.provider.fargate.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LineEndingsTest {
  private final LineEndings lines = new LineEndings();

  @Test
  void turnsCrLfIntoLfEvenAcrossChunks() {
    assertThat(text(lines.filter(bytes("a\r\nb\r")))).isEqualTo("a\nb");
    assertThat(text(lines.filter(bytes("\nc")))).isEqualTo("\nc");
  }

  @Test
  void keepsALoneCr() {
    assertThat(text(lines.filter(bytes("50%\r60%\r")))).isEqualTo("50%\r60%");
    assertThat(text(lines.finish())).isEqualTo("\r");
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
