package dev.vk.provider.fargate.config;

import dev.vk.provider.ProviderContext;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads typed values from the provider settings. Every failure is an {@link
 * IllegalArgumentException} with one line naming the setting as users write it ({@code
 * fargate-<name>}), because that is what the node prints when it refuses to start.
 */
final class SettingReader {
  private final ProviderContext.Settings settings;

  SettingReader(ProviderContext.Settings settings) {
    this.settings = settings;
  }

  Optional<String> optional(String name) {
    return settings.get(name).map(String::trim).filter(v -> !v.isEmpty());
  }

  String string(String name, String fallback) {
    return optional(name).orElse(fallback);
  }

  String required(String name) {
    return optional(name).orElseThrow(() -> invalid(name, "is required"));
  }

  List<String> list(String name) {
    return optional(name)
        .map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
        .orElse(List.of());
  }

  boolean bool(String name, boolean fallback) {
    Optional<String> value = optional(name);
    if (value.isEmpty()) {
      return fallback;
    }
    return switch (value.get().toLowerCase()) {
      case "true", "yes", "1", "enabled" -> true;
      case "false", "no", "0", "disabled" -> false;
      default -> throw invalid(name, "must be true or false, not '" + value.get() + "'");
    };
  }

  Duration duration(String name, Duration fallback) {
    Optional<String> value = optional(name);
    if (value.isEmpty()) {
      return fallback;
    }
    Duration parsed = Durations.parse(value.get());
    if (parsed == null || parsed.isZero()) {
      throw invalid(
          name, "must be a positive duration like 500ms, 25s or 5m, not '" + value.get() + "'");
    }
    return parsed;
  }

  double positiveNumber(String name, double fallback) {
    Optional<String> value = optional(name);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      double parsed = Double.parseDouble(value.get());
      if (parsed > 0) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // Falls through to the one-line message below.
    }
    throw invalid(name, "must be a positive number, not '" + value.get() + "'");
  }

  Optional<URI> uri(String name) {
    Optional<String> value = optional(name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      URI uri = URI.create(value.get());
      if (uri.getScheme() != null && uri.getHost() != null) {
        return Optional.of(uri);
      }
    } catch (IllegalArgumentException e) {
      // Falls through to the one-line message below.
    }
    throw invalid(name, "must be an absolute URL like https://ecs.us-east-1.amazonaws.com");
  }

  static IllegalArgumentException invalid(String name, String problem) {
    return new IllegalArgumentException("fargate-" + name + " " + problem);
  }
}
