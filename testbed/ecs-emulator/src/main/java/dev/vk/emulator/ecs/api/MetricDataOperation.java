package dev.vk.emulator.ecs.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vk.emulator.ecs.http.AwsException;
import dev.vk.emulator.ecs.http.AwsService;
import dev.vk.emulator.ecs.http.Cbor;
import dev.vk.emulator.ecs.http.OperationRegistry;
import dev.vk.emulator.ecs.json.Json;
import dev.vk.emulator.ecs.metrics.ContainerUsage;
import dev.vk.emulator.ecs.state.ContainerState;
import dev.vk.emulator.ecs.state.EcsState;
import dev.vk.emulator.ecs.state.Task;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CloudWatch GetMetricData over the Container Insights (enhanced observability) series of the
 * emulated tasks in {@code ECS/ContainerInsights}: {@code CpuUtilized} and {@code MemoryUtilized}
 * of a task by {@code ClusterName, TaskDefinitionFamily, TaskId}, {@code ContainerCpuUtilized} and
 * {@code ContainerMemoryUtilized} of a container by those and {@code ContainerName}. One datapoint
 * per period that the container (or any container of the task) ran in, newest first; none for a
 * metric, dimension set or task it does not know, as CloudWatch answers an unknown metric with an
 * empty series. Enforces CloudWatch's limits: at most 500 queries, ids {@code [a-z][a-zA-Z0-9_]*}
 * and unique, StartTime before EndTime, a period that is a multiple of 60 s, at most 100,800
 * datapoints. Metric math is not emulated.
 */
public final class MetricDataOperation {
  static final String NAMESPACE = "ECS/ContainerInsights";
  static final int MAX_QUERIES = 500;
  static final long MAX_DATAPOINTS = 100_800;
  private static final Pattern ID = Pattern.compile("[a-z][a-zA-Z0-9_]*");
  private final EcsState state;
  private final Clock clock;

  public MetricDataOperation(EcsState state, Clock clock) {
    this.state = state;
    this.clock = clock;
  }

  public void register(OperationRegistry registry) {
    registry.add(AwsService.CLOUDWATCH, "GetMetricData", this::getMetricData);
  }

  private ObjectNode getMetricData(ObjectNode request) {
    JsonNode queries = request.path("MetricDataQueries");
    if (!queries.isArray() || queries.isEmpty()) {
      throw new AwsException(
          400, "MissingParameter", "The parameter MetricDataQueries is required.");
    }
    if (queries.size() > MAX_QUERIES) {
      throw validation(
          "The collection MetricDataQueries must not have a size greater than "
              + MAX_QUERIES
              + ".");
    }
    Instant start = time(request, "StartTime");
    Instant end = time(request, "EndTime");
    if (!start.isBefore(end)) {
      throw validation("The parameter StartTime must be less than the parameter EndTime.");
    }
    Set<String> ids = new HashSet<>();
    long datapoints = 0;
    for (JsonNode query : queries) {
      String id = Json.text(query, "Id", "");
      if (!ID.matcher(id).matches() || !ids.add(id)) {
        throw validation("The value " + id + " for parameter MetricDataQueries.Id is invalid.");
      }
      if (query.has("Expression")) {
        throw validation("Metric math expressions are not emulated.");
      }
      datapoints += (end.getEpochSecond() - start.getEpochSecond()) / period(query) + 1;
    }
    if (datapoints > MAX_DATAPOINTS) {
      throw validation("The request would return more than " + MAX_DATAPOINTS + " datapoints.");
    }
    Instant now = clock.instant();
    ObjectNode response = Json.object();
    ArrayNode results = response.putArray("MetricDataResults");
    synchronized (state) {
      for (JsonNode query : queries) {
        results.add(result(query, start, end, now));
      }
    }
    response.putArray("Messages");
    return response;
  }

  private ObjectNode result(JsonNode query, Instant start, Instant end, Instant now) {
    JsonNode metric = query.path("MetricStat").path("Metric");
    String name = Json.text(metric, "MetricName", "");
    ObjectNode result = Json.object();
    result.put("Id", Json.text(query, "Id"));
    result.put("Label", Json.text(query, "Label", name));
    ArrayNode timestamps = result.putArray("Timestamps");
    ArrayNode values = result.putArray("Values");
    result.put("StatusCode", "Complete");
    boolean container = name.startsWith("Container");
    String base = container ? name.substring("Container".length()) : name;
    int index = "CpuUtilized".equals(base) ? 0 : "MemoryUtilized".equals(base) ? 1 : -1;
    Optional<Series> series =
        index < 0 || !NAMESPACE.equals(Json.text(metric, "Namespace"))
            ? Optional.empty()
            : series(dimensions(metric), container);
    if (series.isEmpty()) {
      return result;
    }
    long period = period(query);
    long first = Math.floorDiv(start.getEpochSecond(), period) * period;
    // Newest first, CloudWatch's default TimestampDescending order.
    for (long t = Math.floorDiv(end.getEpochSecond() - 1, period) * period;
        t >= first;
        t -= period) {
      Optional<Double> value = series.get().value(Instant.ofEpochSecond(t), period, index, now);
      if (value.isPresent()) {
        timestamps.add(Cbor.timestamp(Instant.ofEpochSecond(t)));
        values.add(value.get());
      }
    }
    return result;
  }

  /** The task, and the container when the dimensions name one, of a Container Insights series. */
  private record Series(Task task, List<ContainerState> containers) {
    /** The period's average: of each minute the container ran; a task sums its containers. */
    Optional<Double> value(Instant periodStart, long period, int index, Instant now) {
      double sum = 0;
      int minutes = 0;
      for (long m = 0; m < period; m += 60) {
        Instant minute = periodStart.plusSeconds(m);
        double total = 0;
        boolean any = false;
        for (ContainerState c : containers) {
          Optional<double[]> usage = ContainerUsage.at(task, c, minute, now);
          if (usage.isPresent()) {
            total += usage.get()[index];
            any = true;
          }
        }
        if (any) {
          sum += total;
          minutes++;
        }
      }
      return minutes == 0 ? Optional.empty() : Optional.of(sum / minutes);
    }
  }

  /** Task metrics have the task's dimensions; Container* metrics add ContainerName. */
  private Optional<Series> series(Map<String, String> d, boolean containerMetric) {
    Set<String> names = d.keySet();
    boolean taskLevel =
        !containerMetric && names.equals(Set.of("ClusterName", "TaskDefinitionFamily", "TaskId"));
    boolean containerLevel =
        containerMetric
            && names.equals(
                Set.of("ClusterName", "TaskDefinitionFamily", "TaskId", "ContainerName"));
    if (!taskLevel && !containerLevel) {
      return Optional.empty();
    }
    Optional<Task> task =
        state.tasks().stream()
            .filter(t -> t.id.equals(d.get("TaskId")))
            .filter(t -> t.clusterName.equals(d.get("ClusterName")))
            .filter(t -> t.definition.family().equals(d.get("TaskDefinitionFamily")))
            .findFirst();
    if (task.isEmpty()) {
      return Optional.empty();
    }
    if (taskLevel) {
      return Optional.of(new Series(task.get(), task.get().containers));
    }
    return task.get()
        .container(d.get("ContainerName"))
        .map(c -> new Series(task.get(), List.of(c)));
  }

  private static Map<String, String> dimensions(JsonNode metric) {
    Map<String, String> out = new HashMap<>();
    for (JsonNode d : metric.path("Dimensions")) {
      out.put(Json.text(d, "Name", ""), Json.text(d, "Value", ""));
    }
    return out;
  }

  private static long period(JsonNode query) {
    JsonNode stat = query.path("MetricStat");
    long period = stat.path("Period").asLong(0);
    if (period < 60 || period % 60 != 0) {
      throw validation(
          "The parameter MetricDataQueries.member.MetricStat.Period must be a multiple of 60.");
    }
    if (Json.text(stat, "Stat") == null) {
      throw new AwsException(
          400,
          "MissingParameter",
          "The parameter MetricDataQueries.member.MetricStat.Stat is required.");
    }
    return period;
  }

  private static Instant time(JsonNode request, String field) {
    JsonNode value = request.get(field);
    if (value == null || !value.isNumber()) {
      throw new AwsException(400, "MissingParameter", "The parameter " + field + " is required.");
    }
    return Instant.ofEpochMilli(Math.round(value.asDouble() * 1000));
  }

  private static AwsException validation(String message) {
    return new AwsException(400, "ValidationError", message);
  }
}
