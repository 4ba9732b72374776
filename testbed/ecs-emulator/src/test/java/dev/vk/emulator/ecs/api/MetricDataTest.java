package dev.vk.emulator.ecs.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import dev.vk.emulator.ecs.http.AwsException;
import dev.vk.emulator.ecs.http.AwsService;
import dev.vk.emulator.ecs.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** GetMetricData's Container Insights series over a task's life, on virtual time. */
class MetricDataTest {
  private final EcsFixture ecs = new EcsFixture();

  private ObjectNode get(String metric, String taskId, Instant start, Instant end) {
    ObjectNode request = Json.object();
    request.put("StartTime", start.getEpochSecond());
    request.put("EndTime", end.getEpochSecond());
    ObjectNode query = request.putArray("MetricDataQueries").addObject();
    query.put("Id", "q");
    ObjectNode stat = query.putObject("MetricStat");
    stat.put("Period", 60).put("Stat", "Average");
    ObjectNode m = stat.putObject("Metric");
    m.put("Namespace", "ECS/ContainerInsights").put("MetricName", metric);
    ArrayNode d = m.putArray("Dimensions");
    d.addObject().put("Name", "ClusterName").put("Value", "default");
    d.addObject().put("Name", "TaskDefinitionFamily").put("Value", "web");
    d.addObject().put("Name", "TaskId").put("Value", taskId);
    d.addObject().put("Name", "ContainerName").put("Value", "app");
    return ecs.api.find(AwsService.CLOUDWATCH, "GetMetricData").orElseThrow().handle(request);
  }

  private static List<Instant> timestamps(ObjectNode response) {
    List<Instant> out = new ArrayList<>();
    for (JsonNode t : response.path("MetricDataResults").get(0).path("Timestamps")) {
      out.add((Instant) ((POJONode) t).getPojo());
    }
    return out;
  }

  private static List<Double> values(ObjectNode response) {
    List<Double> out = new ArrayList<>();
    response.path("MetricDataResults").get(0).path("Values").forEach(v -> out.add(v.asDouble()));
    return out;
  }

  @Test
  @DisplayName("a running task has a value per minute that moves; a stopped one gets no new ones")
  void seriesFollowsTheTaskLife() {
    String arn =
        ecs.runTask(
            ecs.register("web", "[" + EcsFixture.container("app", "['sleep','3600']", "") + "]"),
            "");
    String taskId = arn.substring(arn.lastIndexOf('/') + 1);
    ecs.advance(Duration.ofSeconds(5));
    assertThat(ecs.lastStatus(arn)).isEqualTo("RUNNING");
    Instant started = ecs.time.clock().instant();
    ecs.advance(Duration.ofMinutes(10));
    Instant now = ecs.time.clock().instant();

    ObjectNode cpu = get("ContainerCpuUtilized", taskId, started.minus(Duration.ofMinutes(5)), now);
    assertThat(timestamps(cpu))
        .hasSizeBetween(10, 11)
        .isSortedAccordingTo((a, b) -> b.compareTo(a));
    assertThat(timestamps(cpu).get(timestamps(cpu).size() - 1))
        .as("nothing before it started")
        .isAfter(started.minus(Duration.ofMinutes(1)));
    assertThat(values(cpu)).allMatch(v -> v > 0 && v <= 256);
    assertThat(values(cpu).stream().distinct().count()).as("values move").isGreaterThan(5);
    assertThat(values(get("ContainerMemoryUtilized", taskId, started, now)))
        .allMatch(v -> v > 0 && v <= 512);

    ecs.call("StopTask", "{'task':'" + arn + "'}");
    ecs.advance(Duration.ofSeconds(5));
    assertThat(ecs.lastStatus(arn)).isEqualTo("STOPPED");
    Instant stopped = ecs.time.clock().instant();
    ecs.advance(Duration.ofMinutes(5));
    Instant later = ecs.time.clock().instant();
    assertThat(
            timestamps(
                get("ContainerCpuUtilized", taskId, stopped.plus(Duration.ofMinutes(1)), later)))
        .as("no datapoints after the stop")
        .isEmpty();
    assertThat(timestamps(get("ContainerCpuUtilized", taskId, started, later))).isNotEmpty();
    assertThat(timestamps(get("ContainerCpuUtilized", "0123456789", started, later))).isEmpty();
  }

  @Test
  @DisplayName("StartTime after EndTime and a period not a multiple of 60 are ValidationErrors")
  void validation() {
    Instant now = ecs.time.clock().instant();
    assertThatThrownBy(() -> get("ContainerCpuUtilized", "t", now, now.minusSeconds(60)))
        .isInstanceOfSatisfying(
            AwsException.class, e -> assertThat(e.type()).isEqualTo("ValidationError"));
  }
}
