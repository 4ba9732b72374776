package dev.vk.provider.settings;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way settings (and the mock's pod annotations) write a duration: Go style {@code 500ms},
 * {@code 30s}, {@code 5m}, {@code 1h}, also combined ({@code 1h30m}); ISO-8601 ({@code PT5S}, any
 * case); or a bare {@code 0}. Other bare numbers are refused because their unit would be a guess.
 * Negative durations are refused.
 */
public final class DurationFormat {
  /** What is accepted, for error messages. */
  public static final String ACCEPTED = "a duration like 500ms, 30s, 5m, 1h30m or PT5S";

  private static final Pattern GO = Pattern.compile("(?:\\d+(?:ms|s|m|h))+");
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");

  private DurationFormat() {}

  /**
   * Parses one duration. Idempotent; never blocks.
   *
   * @throws IllegalArgumentException when the text is none of the accepted forms or is negative
   */
  public static Duration parse(String text) {
    String s = text.trim();
    Duration parsed;
    if (s.equals("0")) {
      parsed = Duration.ZERO;
    } else if (GO.matcher(s).matches()) {
      parsed = Duration.ZERO;
      Matcher m = PART.matcher(s);
      while (m.find()) {
        parsed = parsed.plus(part(Long.parseLong(m.group(1)), m.group(2)));
      }
    } else if (s.toUpperCase(Locale.ROOT).startsWith("P")) {
      try {
        parsed = Duration.parse(s);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("'" + text + "' is not " + ACCEPTED, e);
      }
    } else {
      throw new IllegalArgumentException("'" + text + "' is not " + ACCEPTED);
    }
    if (parsed.isNegative()) {
      throw new IllegalArgumentException("'" + text + "' is negative");
    }
    return parsed;
  }

  private static Duration part(long n, String unit) {
    return switch (unit) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      default -> Duration.ofHours(n);
    };
  }
}
