package dev.vk.kubeletapi.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.kubelet.types.LogLine;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LogLineFormatTest {
  private static String render(LogLine line, boolean timestamps) {
    return new String(LogLineFormat.render(line, timestamps), StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("the timestamp prefix always has nine fractional digits")
  void fixedWidth() {
    assertThat(render(LogLine.of(Instant.parse("2026-01-02T03:04:05Z"), "hello"), true))
        .isEqualTo("2026-01-02T03:04:05.000000000Z hello\n");
    assertThat(render(LogLine.of(Instant.parse("2026-01-02T03:04:05.12Z"), "x\n"), true))
        .isEqualTo("2026-01-02T03:04:05.120000000Z x\n");
  }

  @Test
  @DisplayName("without timestamps the content is written as is, partial lines included")
  void plain() {
    LogLine partial = new LogLine(Instant.EPOCH, "no newline".getBytes(StandardCharsets.UTF_8));
    assertThat(render(partial, false)).isEqualTo("no newline");
  }
}
