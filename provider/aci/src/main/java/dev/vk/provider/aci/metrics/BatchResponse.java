package dev.vk.provider.aci.metrics;

import com.azure.json.JsonProviders;
import com.azure.json.JsonReader;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads Azure Monitor's {@code metrics:getBatch} answer ({@code
 * values[].value[].timeseries[].data[]} with {@code resourceid}, {@code name.value}, the {@code
 * containername} dimension and {@code timeStamp}/{@code average}) into samples. Points without an
 * average (buckets without data) and metrics whose {@code errorCode} is not {@code Success} are
 * left out. Pure.
 */
final class BatchResponse {

  private BatchResponse() {}

  /**
   * @throws IllegalArgumentException when the body is not the documented shape
   */
  static List<MetricSample> parse(String json) {
    Object root;
    try (JsonReader reader = JsonProviders.createReader(json)) {
      reader.nextToken();
      root = reader.readUntyped();
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("Azure Monitor answered with unreadable JSON: " + e, e);
    }
    List<MetricSample> samples = new ArrayList<>();
    for (Object value : list(map(root).get("values"))) {
      Map<String, Object> resource = map(value);
      String group = lastSegment(String.valueOf(resource.get("resourceid")));
      for (Object m : list(resource.get("value"))) {
        Map<String, Object> metric = map(m);
        Object error = metric.get("errorCode");
        if (error != null && !"Success".equalsIgnoreCase(error.toString())) {
          continue;
        }
        String name = String.valueOf(map(metric.get("name")).get("value"));
        for (Object s : list(metric.get("timeseries"))) {
          Map<String, Object> series = map(s);
          String container = container(list(series.get("metadatavalues")));
          if (container == null) {
            continue; // not split by container: cannot be told apart
          }
          for (Object d : list(series.get("data"))) {
            Map<String, Object> point = map(d);
            if (point.get("average") instanceof Number average) {
              samples.add(
                  new MetricSample(
                      group,
                      name,
                      container,
                      instant(point.get("timeStamp")),
                      average.doubleValue()));
            }
          }
        }
      }
    }
    return samples;
  }

  private static String container(List<Object> dimensions) {
    for (Object d : dimensions) {
      Map<String, Object> dimension = map(d);
      Object name = map(dimension.get("name")).get("value");
      if (name != null && name.toString().toLowerCase(Locale.ROOT).equals("containername")) {
        return String.valueOf(dimension.get("value"));
      }
    }
    return null;
  }

  private static Instant instant(Object text) {
    try {
      return Instant.parse(String.valueOf(text));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("Azure Monitor answered a bad timeStamp: " + text, e);
    }
  }

  private static String lastSegment(String id) {
    return id.substring(id.lastIndexOf('/') + 1);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    if (o == null) {
      return Map.of();
    }
    if (!(o instanceof Map)) {
      throw new IllegalArgumentException("Azure Monitor answered an unexpected shape: " + o);
    }
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object o) {
    if (o == null) {
      return List.of();
    }
    if (!(o instanceof List)) {
      throw new IllegalArgumentException("Azure Monitor answered an unexpected shape: " + o);
    }
    return (List<Object>) o;
  }
}
