package dev.vk.provider.settings;

import dev.vk.provider.ProviderContext;
import io.kubernetes.client.custom.Quantity;
import jakarta.annotation.Nullable;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Typed reads of named settings, each with its default, in the style of Micrometer's typed
 * configuration. A blank value counts as not set. A value that cannot be used throws one {@link
 * SettingException} naming the setting as users write it ({@code <prefix><name>}), the value and
 * what is accepted. Defaults are trusted, not checked.
 *
 * <p>Every method is idempotent and never blocks, except {@link #readableFile}, which checks the
 * file system.
 */
public final class SettingReader {
  private final String prefix;
  private final ProviderContext.Settings source;

  /**
   * @param prefix what users write before each name, such as {@code fargate-}; empty for the node
   * @param source the raw values, looked up by name without the prefix
   */
  public SettingReader(String prefix, ProviderContext.Settings source) {
    this.prefix = prefix;
    this.source = source;
  }

  /** The value, trimmed; empty when unset or blank. */
  public Optional<String> optional(String name) {
    return source.get(name).map(String::trim).filter(v -> !v.isEmpty());
  }

  /** The value, or {@code fallback}. */
  public String string(String name, String fallback) {
    return parsed(name, fallback, v -> v, "a value");
  }

  /**
   * @param expected what users should set, for the message
   * @throws SettingException when not set
   */
  public String required(String name, String expected) {
    return optional(name).orElseThrow(() -> invalid(name, null, expected));
  }

  /** A duration in the {@link DurationFormat}; zero allowed. */
  public Duration duration(String name, Duration fallback) {
    return parsed(name, fallback, DurationFormat::parse, DurationFormat.ACCEPTED);
  }

  /** A duration in the {@link DurationFormat} above zero. */
  public Duration positiveDuration(String name, Duration fallback) {
    return checked(
        name,
        fallback,
        DurationFormat::parse,
        d -> !d.isZero(),
        "a positive duration like 500ms, 30s, 5m, 1h30m or PT5S");
  }

  /** A whole number from {@code min} to {@code max}. */
  public int intBetween(String name, int fallback, int min, int max) {
    return checked(
        name,
        fallback,
        Integer::valueOf,
        v -> v >= min && v <= max,
        "a whole number from " + min + " to " + max);
  }

  /** A whole number above zero. */
  public int positiveInt(String name, int fallback) {
    return checked(name, fallback, Integer::valueOf, v -> v > 0, "a whole number above 0");
  }

  /** A whole number, zero or more. */
  public int nonNegativeInt(String name, int fallback) {
    return checked(name, fallback, Integer::valueOf, v -> v >= 0, "a whole number, 0 or more");
  }

  /** A number above zero, fractions allowed. */
  public double positiveNumber(String name, double fallback) {
    return checked(
        name, fallback, Double::valueOf, v -> v > 0 && !v.isInfinite(), "a number above 0");
  }

  /**
   * {@code true}, {@code yes}, {@code on}, {@code 1}, {@code enabled} or their opposites, in any
   * case.
   */
  public boolean bool(String name, boolean fallback) {
    return parsed(
        name,
        fallback,
        v ->
            switch (v.toLowerCase(Locale.ROOT)) {
              case "true", "yes", "on", "1", "enabled" -> Boolean.TRUE;
              case "false", "no", "off", "0", "disabled" -> Boolean.FALSE;
              default -> null;
            },
        "true or false");
  }

  /** Comma-separated values, trimmed, blanks dropped; empty when unset. */
  public List<String> list(String name) {
    return optional(name).stream()
        .flatMap(v -> Arrays.stream(v.split(",")))
        .map(String::trim)
        .filter(v -> !v.isEmpty())
        .toList();
  }

  /** One of {@code allowed}, in any case; returned as spelled in {@code allowed}. */
  public String oneOf(String name, String fallback, String... allowed) {
    return parsed(
        name,
        fallback,
        v -> Arrays.stream(allowed).filter(a -> a.equalsIgnoreCase(v)).findFirst().orElse(null),
        "one of " + String.join(", ", allowed));
  }

  /** A constant of {@code type}, in any case, with {@code -} for {@code _}. */
  public <E extends Enum<E>> E enumOf(String name, Class<E> type, E fallback) {
    E[] constants = type.getEnumConstants();
    return parsed(
        name,
        fallback,
        v -> {
          String wanted = v.replace('-', '_');
          return Arrays.stream(constants)
              .filter(c -> c.name().equalsIgnoreCase(wanted))
              .findFirst()
              .orElse(null);
        },
        "one of "
            + String.join(
                ", ",
                Arrays.stream(constants).map(c -> c.name().toLowerCase(Locale.ROOT)).toList()));
  }

  /** A Kubernetes quantity ({@code 20}, {@code 500m}, {@code 100Gi}), zero or more. */
  public Quantity nonNegativeQuantity(String name, String fallback) {
    return quantity(name, fallback, 0, "a quantity, 0 or more, like 20, 500m, 100Gi");
  }

  /** A Kubernetes quantity above zero. */
  public Quantity positiveQuantity(String name, String fallback) {
    return quantity(name, fallback, 1, "a quantity above 0, like 20, 500m, 100Gi");
  }

  /** An absolute URL with a host and one of {@code schemes}; empty when unset. */
  public Optional<URI> url(String name, String... schemes) {
    String expected = "an absolute " + String.join(" or ", schemes) + " URL";
    return optional(name)
        .map(
            v ->
                present(
                    name,
                    v,
                    URI::create,
                    uri ->
                        uri.getHost() != null
                            && Arrays.stream(schemes)
                                .anyMatch(s -> s.equalsIgnoreCase(uri.getScheme())),
                    expected));
  }

  /** A file this process can read; empty when unset. Blocks on the file system. */
  public Optional<Path> readableFile(String name) {
    Optional<Path> file = optional(name).map(Path::of);
    if (file.isPresent() && !Files.isReadable(file.get())) {
      throw invalid(name, file.get().toString(), "a readable file");
    }
    return file;
  }

  /**
   * The value turned into a {@code T} by {@code parser}, or {@code fallback} when unset.
   *
   * @param parser returns null or throws an unchecked exception to refuse the value
   * @param expected what is accepted, for the message
   */
  public <T> T parsed(String name, T fallback, Function<String, T> parser, String expected) {
    return checked(name, fallback, parser, v -> true, expected);
  }

  /** Like {@link #parsed}, also refusing a parsed value that {@code valid} rejects. */
  public <T> T checked(
      String name, T fallback, Function<String, T> parser, Predicate<T> valid, String expected) {
    Optional<String> raw = optional(name);
    if (raw.isEmpty()) {
      if (source instanceof ObservedSettings observed) {
        observed.defaulted(name, fallback);
      }
      return fallback;
    }
    return present(name, raw.get(), parser, valid, expected);
  }

  /** {@code raw}, a value that is set, turned into a {@code T}. */
  private <T> T present(
      String name, String raw, Function<String, T> parser, Predicate<T> valid, String expected) {
    T value;
    try {
      value = parser.apply(raw);
    } catch (SettingException e) {
      throw e;
    } catch (RuntimeException e) {
      throw invalid(name, raw, expected);
    }
    if (value == null || !valid.test(value)) {
      throw invalid(name, raw, expected);
    }
    return value;
  }

  /** The name as users write it: the prefix and the name. */
  public String fullName(String name) {
    return prefix + name;
  }

  /** The exception for a bad value ({@code null} when missing) of {@code name}. */
  public SettingException invalid(String name, @Nullable String value, String expected) {
    return new SettingException(fullName(name), value, expected);
  }

  private Quantity quantity(String name, String fallback, int minSignum, String expected) {
    return checked(
        name,
        Quantity.fromString(fallback),
        Quantity::fromString,
        q -> q.getNumber().signum() >= minSignum,
        expected);
  }
}
