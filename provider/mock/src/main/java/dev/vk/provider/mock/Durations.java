package dev.vk.provider.mock;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the durations users write in settings and annotations: {@code 500ms}, {@code 2s}, ISO. */
final class Durations {

  private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h)");

  private Durations() {}

  /**
   * Parses {@code 500ms}, {@code 2s}, {@code 5m}, {@code 1h} or ISO-8601 ({@code PT2S}).
   *
   * @throws IllegalArgumentException naming the accepted forms, when the text is none of them or is
   *     negative
   */
  static Duration parse(String text) {
    String trimmed = text.trim();
    Duration parsed = trimmed.toUpperCase().startsWith("P") ? iso(trimmed) : shortForm(trimmed);
    if (parsed.isNegative()) {
      throw invalid(text);
    }
    return parsed;
  }

  private static Duration iso(String text) {
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw invalid(text);
    }
  }

  private static Duration shortForm(String text) {
    Matcher m = SHORT.matcher(text);
    if (!m.matches()) {
      throw invalid(text);
    }
    long amount = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      default -> Duration.ofHours(amount);
    };
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException(
        "'" + text + "' is not a duration (use 500ms, 2s, 5m, 1h or ISO-8601 such as PT2S)");
  }
}
