package dev.vk.provider.aci.config;

import dev.vk.provider.ProviderContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Typed reads of the provider's settings. Every failure is an {@link IllegalArgumentException}
 * whose one-line message names the setting as users write it ({@code azure-<name>}).
 */
final class SettingReader {

  private final ProviderContext.Settings settings;

  SettingReader(ProviderContext.Settings settings) {
    this.settings = settings;
  }

  Optional<String> optional(String name) {
    return settings.get(name).map(String::trim).filter(s -> !s.isEmpty());
  }

  String required(String name) {
    return optional(name).orElseThrow(() -> invalid(name, "is required"));
  }

  String string(String name, String fallback) {
    return optional(name).orElse(fallback);
  }

  String oneOf(String name, String fallback, Set<String> allowed) {
    String value = optional(name).orElse(fallback);
    return allowed.stream()
        .filter(a -> a.equalsIgnoreCase(value))
        .findFirst()
        .orElseThrow(() -> invalid(name, "must be one of " + allowed + ", got \"" + value + "\""));
  }

  double positive(String name, double fallback) {
    return parse(name, fallback, Double::parseDouble, v -> v > 0, "a positive number");
  }

  int positiveInt(String name, int fallback) {
    return parse(name, fallback, Integer::parseInt, v -> v > 0, "a positive integer");
  }

  /** A percentage in (0, 100], written {@code 10} or {@code 10%}. */
  double percent(String name, double fallback) {
    return parse(
        name,
        fallback,
        v -> Double.parseDouble(v.endsWith("%") ? v.substring(0, v.length() - 1).trim() : v),
        v -> v > 0 && v <= 100,
        "a percentage above 0 and at most 100");
  }

  Duration duration(String name, Duration fallback) {
    return parse(name, fallback, SettingReader::toDuration, d -> !d.isNegative(), "a duration");
  }

  Optional<Path> existingFile(String name) {
    Optional<Path> file = optional(name).map(Path::of);
    if (file.isPresent() && !Files.isReadable(file.get())) {
      throw invalid(name, "file " + file.get() + " is not readable");
    }
    return file;
  }

  List<String> list(String name) {
    return optional(name).stream()
        .flatMap(v -> Arrays.stream(v.split(",")))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  static IllegalArgumentException invalid(String name, String why) {
    return new IllegalArgumentException("azure setting azure-" + name + " " + why);
  }

  private <T> T parse(
      String name,
      T fallback,
      Function<String, T> parser,
      java.util.function.Predicate<T> valid,
      String what) {
    Optional<String> raw = optional(name);
    if (raw.isEmpty()) {
      return fallback;
    }
    T value;
    try {
      value = parser.apply(raw.get());
    } catch (NumberFormatException | DateTimeParseException e) {
      throw invalid(name, "must be " + what + ", got \"" + raw.get() + "\"");
    }
    if (!valid.test(value)) {
      throw invalid(name, "must be " + what + ", got \"" + raw.get() + "\"");
    }
    return value;
  }

  /** Accepts Go-style {@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h} and ISO-8601. */
  private static Duration toDuration(String text) {
    String s = text.toLowerCase(Locale.ROOT);
    if (s.startsWith("p")) {
      return Duration.parse(text);
    }
    if (s.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
    }
    long n = Long.parseLong(s.substring(0, s.length() - 1));
    return switch (s.charAt(s.length() - 1)) {
      case 's' -> Duration.ofSeconds(n);
      case 'm' -> Duration.ofMinutes(n);
      case 'h' -> Duration.ofHours(n);
      default -> throw new NumberFormatException(text);
    };
  }
}
