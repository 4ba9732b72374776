package dev.vk.emulator.aci.monitor;

import dev.vk.emulator.aci.arm.ArmException;
import dev.vk.emulator.aci.arm.ArmRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The query string of one {@code metrics:getBatch} call, validated as Azure Monitor does.
 *
 * @param start first bucket start (minute-aligned)
 * @param end end of the timespan
 * @param interval bucket length, whole minutes
 * @param metrics requested metric names as Azure spells them
 * @param aggregations requested aggregations, lower case
 * @param container null for one series summed over containers, {@code *} for one per container,
 *     else one container's name
 */
record MetricsQuery(
    Instant start,
    Instant end,
    Duration interval,
    List<String> metrics,
    List<String> aggregations,
    String container) {

  static final String NAMESPACE = "Microsoft.ContainerInstance/containerGroups";
  static final List<String> METRICS = List.of("CpuUsage", "MemoryUsage");
  static final Set<String> API_VERSIONS = Set.of("2023-10-01", "2024-02-01");
  private static final Set<String> AGGREGATIONS = Set.of("average", "minimum", "maximum");
  private static final Pattern FILTER =
      Pattern.compile("\\s*containername\\s+eq\\s+'([^']*)'\\s*", Pattern.CASE_INSENSITIVE);

  /** Parses the query of {@code request} at {@code now}; 400 BadRequest for anything invalid. */
  static MetricsQuery parse(ArmRequest request, Instant now) {
    String version = request.queryParam("api-version");
    if (!API_VERSIONS.contains(version)) {
      throw bad(
          "InvalidApiVersionParameter",
          "The api-version '" + version + "' is not supported; use one of " + API_VERSIONS + ".");
    }
    String namespace = request.queryParam("metricnamespace");
    if (namespace == null || !namespace.equalsIgnoreCase(NAMESPACE)) {
      throw bad("BadRequest", "Metric namespace '" + namespace + "' is not supported here.");
    }
    String names = request.queryParam("metricnames");
    if (names == null || names.isBlank()) {
      throw bad("BadRequest", "The parameter 'metricnames' is required.");
    }
    List<String> metrics =
        List.of(names.split(",")).stream().map(String::trim).map(MetricsQuery::metric).toList();
    List<String> aggregations =
        List.of(firstNonNull(request.queryParam("aggregation"), "average").split(",")).stream()
            .map(a -> a.trim().toLowerCase(Locale.ROOT))
            .toList();
    for (String a : aggregations) {
      if (!AGGREGATIONS.contains(a)) {
        throw bad("BadRequest", "Aggregation '" + a + "' is not supported; use " + AGGREGATIONS);
      }
    }
    Duration interval = interval(firstNonNull(request.queryParam("interval"), "PT1M"));
    Instant end = time("endtime", request.queryParam("endtime"), now);
    Instant start =
        time("starttime", request.queryParam("starttime"), end.minus(Duration.ofHours(1)));
    if (!start.isBefore(end)) {
      throw bad("BadRequest", "The starttime must be before the endtime.");
    }
    return new MetricsQuery(
        start.truncatedTo(ChronoUnit.MINUTES),
        end,
        interval,
        metrics,
        aggregations,
        container(request.queryParam("filter")));
  }

  private static String metric(String name) {
    for (String known : METRICS) {
      if (known.equalsIgnoreCase(name)) {
        return known;
      }
    }
    throw bad(
        "BadRequest",
        "Failed to find metric configuration for provider: Microsoft.ContainerInstance,"
            + " resource Type: containerGroups, metric: "
            + name
            + ", Valid metrics: "
            + String.join(",", METRICS));
  }

  private static Duration interval(String text) {
    try {
      Duration d = Duration.parse(text);
      if (!d.isNegative() && !d.isZero() && d.toSeconds() % 60 == 0 && d.toHours() <= 24) {
        return d;
      }
    } catch (DateTimeParseException e) {
      // answered below
    }
    throw bad("BadRequest", "Invalid interval '" + text + "': use whole minutes, PT1M to P1D.");
  }

  private static Instant time(String name, String text, Instant fallback) {
    if (text == null) {
      return fallback;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw bad("BadRequest", "Invalid " + name + " '" + text + "'.");
    }
  }

  private static String container(String filter) {
    if (filter == null || filter.isBlank()) {
      return null;
    }
    Matcher m = FILTER.matcher(filter);
    if (!m.matches()) {
      throw bad(
          "BadRequest", "Invalid filter '" + filter + "': only containerName eq '...' is known.");
    }
    return m.group(1);
  }

  private static String firstNonNull(String value, String fallback) {
    return value == null ? fallback : value;
  }

  static ArmException bad(String code, String message) {
    return new ArmException(400, code, message);
  }
}
