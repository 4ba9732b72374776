package dev.vk.provider.aci.logs;

import dev.vk.kubelet.types.LogLine;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits ACI log content fetched with {@code timestamps=true} ({@code <RFC 3339> <text>} per line)
 * into log lines with their timestamps; a line without one gets {@code fallback}. Pure.
 */
final class LogParser {

  private LogParser() {}

  static List<LogLine> parse(String content, Instant fallback) {
    List<LogLine> lines = new ArrayList<>();
    if (content == null || content.isEmpty()) {
      return lines;
    }
    for (String raw : content.split("\r?\n", -1)) {
      if (raw.isEmpty()) {
        continue;
      }
      int space = raw.indexOf(' ');
      Instant at = space > 0 ? time(raw.substring(0, space)) : null;
      lines.add(at == null ? LogLine.of(fallback, raw) : LogLine.of(at, raw.substring(space + 1)));
    }
    return lines;
  }

  private static Instant time(String token) {
    try {
      return OffsetDateTime.parse(token).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
