package dev.vk.kubelet.types;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * One log entry. {@code content} is written as is, so it carries its own trailing newline; a
 * partial line (the runtime split a long line) has none. The timestamp is used for the {@code
 * timestamps=true} prefix.
 */
public record LogLine(Instant timestamp, byte[] content) {
  public LogLine {
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(content, "content");
  }

  /** A complete line: a newline is appended unless {@code text} already ends with one. */
  public static LogLine of(Instant timestamp, String text) {
    String line = text.endsWith("\n") ? text : text + "\n";
    return new LogLine(timestamp, line.getBytes(StandardCharsets.UTF_8));
  }
}
