package dev.vk.node.config;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Taint;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses one setting each, failing with a message that names the setting and the bad value. */
public final class SettingParsers {
  private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");
  private static final Pattern TAINT = Pattern.compile("([^=:]+)(?:=([^:]*))?(?::(\\w+))?");
  private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})(\\.\\d{1,3}){3}");

  private SettingParsers() {}

  public static Duration duration(Settings s, String name, Duration fallback) {
    return s.get(name).map(v -> duration(name, v)).orElse(fallback);
  }

  /** Accepts {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h} and ISO-8601 ({@code PT5S}). */
  public static Duration duration(String name, String value) {
    Matcher m = SIMPLE_DURATION.matcher(value);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        default -> Duration.ofHours(n);
      };
    }
    try {
      return Duration.parse(value.toUpperCase(Locale.ROOT));
    } catch (DateTimeParseException e) {
      throw new ConfigException(name + " '" + value + "' is not a duration (like 500ms, 5s, 2m)");
    }
  }

  public static int integer(Settings s, String name, int fallback, int min, int max) {
    int value;
    try {
      value = s.get(name).map(Integer::parseInt).orElse(fallback);
    } catch (NumberFormatException e) {
      throw new ConfigException(name + " '" + s.get(name).orElse("") + "' is not a whole number");
    }
    if (value < min || value > max) {
      throw new ConfigException(
          name + " must be between " + min + " and " + max + ", not " + value);
    }
    return value;
  }

  public static boolean bool(Settings s, String name, boolean fallback) {
    String v = s.get(name).orElse(Boolean.toString(fallback)).toLowerCase(Locale.ROOT);
    return switch (v) {
      case "true", "yes", "1" -> true;
      case "false", "no", "0" -> false;
      default -> throw new ConfigException(name + " must be true or false, not '" + v + "'");
    };
  }

  public static Quantity quantity(Settings s, String name, String fallback) {
    String v = s.get(name).orElse(fallback);
    try {
      Quantity q = Quantity.fromString(v);
      if (q.getNumber().signum() < 0) {
        throw new ConfigException(name + " must not be negative: '" + v + "'");
      }
      return q;
    } catch (ConfigException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ConfigException(name + " '" + v + "' is not a quantity (like 20, 500m, 100Gi)");
    }
  }

  /** {@code a=b,c=d}; keys and values follow Kubernetes label syntax. */
  public static Map<String, String> labels(Settings s, String name) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (String pair : s.get(name).orElse("").split(",")) {
      if (pair.isBlank()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new ConfigException(name + " entry '" + pair.trim() + "' must be key=value");
      }
      String key = pair.substring(0, eq).trim();
      String value = pair.substring(eq + 1).trim();
      if (!key.matches("([a-z0-9.-]+/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?")
          || !value.matches("([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?")) {
        throw new ConfigException(name + " entry '" + pair.trim() + "' is not a valid label");
      }
      labels.put(key, value);
    }
    return labels;
  }

  /** {@code key=value:Effect} or {@code key:Effect}; the effect defaults to NoSchedule. */
  public static V1Taint taint(String name, String value) {
    Matcher m = TAINT.matcher(value.trim());
    if (!m.matches()) {
      throw new ConfigException(name + " '" + value + "' must look like key=value:NoSchedule");
    }
    String effect = m.group(3) == null ? "NoSchedule" : m.group(3);
    if (!effect.equals("NoSchedule")
        && !effect.equals("PreferNoSchedule")
        && !effect.equals("NoExecute")) {
      throw new ConfigException(
          name + " effect '" + effect + "' must be NoSchedule, PreferNoSchedule or NoExecute");
    }
    return new V1Taint().key(m.group(1).trim()).value(m.group(2)).effect(effect);
  }

  public static String ip(String name, String value) {
    if (!IPV4.matcher(value).matches() && !value.contains(":")) {
      throw new ConfigException(name + " '" + value + "' is not an IP address");
    }
    return value;
  }
}
