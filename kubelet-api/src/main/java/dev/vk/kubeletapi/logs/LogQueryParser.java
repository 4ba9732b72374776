package dev.vk.kubeletapi.logs;

import dev.vk.kubelet.types.LogOptions;
import dev.vk.kubeletapi.spi.KubeletApiException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads the container log query as the kubelet does: an undecodable value is a 400, options that
 * decode but are invalid (negative tail, both "since" forms) are a 422.
 */
public final class LogQueryParser {
  private LogQueryParser() {}

  public static LogOptions parse(Map<String, List<String>> query) throws KubeletApiException {
    OptionalLong tailLines = longParam(query, "tailLines");
    String legacyTail = first(query, "tail");
    if (legacyTail != null && !legacyTail.isEmpty()) {
      // The legacy "tail" wins over tailLines; "all" means no limit.
      tailLines = "all".equals(legacyTail) ? OptionalLong.empty() : parseLong("tail", legacyTail);
    }
    LogOptions options =
        new LogOptions(
            tailLines,
            longParam(query, "limitBytes"),
            longParam(query, "sinceSeconds"),
            timeParam(query, "sinceTime"),
            boolParam(query, "timestamps"),
            boolParam(query, "follow"),
            boolParam(query, "previous"));
    validate(options);
    return options;
  }

  private static void validate(LogOptions o) throws KubeletApiException {
    if (o.tailLines().isPresent() && o.tailLines().getAsLong() < 0) {
      throw KubeletApiException.invalid("tailLines must be greater than or equal to 0");
    }
    if (o.limitBytes().isPresent() && o.limitBytes().getAsLong() < 1) {
      throw KubeletApiException.invalid("limitBytes must be greater than 0");
    }
    if (o.sinceSeconds().isPresent() && o.sinceSeconds().getAsLong() < 1) {
      throw KubeletApiException.invalid("sinceSeconds must be greater than 0");
    }
    if (o.sinceSeconds().isPresent() && o.sinceTime().isPresent()) {
      throw KubeletApiException.invalid(
          "at most one of sinceTime or sinceSeconds may be specified");
    }
  }

  // Go's query decoding: absent is false, "0" and "false" are false, anything else is true.
  private static boolean boolParam(Map<String, List<String>> query, String name) {
    String value = first(query, name);
    return value != null && !value.equals("0") && !value.equalsIgnoreCase("false");
  }

  private static OptionalLong longParam(Map<String, List<String>> query, String name)
      throws KubeletApiException {
    String value = first(query, name);
    return value == null || value.isEmpty() ? OptionalLong.empty() : parseLong(name, value);
  }

  private static OptionalLong parseLong(String name, String value) throws KubeletApiException {
    try {
      return OptionalLong.of(Long.parseLong(value.trim()));
    } catch (NumberFormatException e) {
      throw KubeletApiException.badRequest("unable to decode query: " + name + "=" + value);
    }
  }

  private static Optional<Instant> timeParam(Map<String, List<String>> query, String name)
      throws KubeletApiException {
    String value = first(query, name);
    if (value == null || value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      throw KubeletApiException.badRequest(
          "unable to decode query: " + name + " is not RFC 3339: " + value);
    }
  }

  private static String first(Map<String, List<String>> query, String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
