package dev.vk.emulator.aci;

import static dev.vk.emulator.aci.PipelineClient.API;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MetricsBatchPipelineTest {

  private static final String METRICS_TOKEN =
      "Bearer " + token("https://metrics.monitor.azure.com");

  private final PipelineClient c = new PipelineClient(AciEmulatorOptions.defaults());

  private static String token(String audience) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String claims = "{\"aud\":\"" + audience + "\"}";
    return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
        + "."
        + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8))
        + ".";
  }

  private String batchPath(Instant start, Instant end, String filter) {
    return "/subscriptions/"
        + c.options.subscriptionId()
        + "/metrics:getBatch?api-version=2024-02-01"
        + "&metricnamespace=Microsoft.ContainerInstance%2FcontainerGroups"
        + "&metricnames=CpuUsage,MemoryUsage&aggregation=average&interval=PT1M"
        + "&starttime="
        + start
        + "&endtime="
        + end
        + (filter == null ? "" : "&filter=" + filter);
  }

  private static String ids(List<String> ids) {
    return ids.stream()
        .map(id -> "\"" + id + "\"")
        .collect(Collectors.joining(",", "{\"resourceids\":[", "]}"));
  }

  private List<Double> averages(JsonNode entry, String metric) {
    List<Double> values = new ArrayList<>();
    for (JsonNode m : entry.path("value")) {
      if (m.at("/name/value").asText().equals(metric)) {
        assertThat(m.at("/timeseries/0/metadatavalues/0/name/value").asText())
            .isEqualTo("containername");
        assertThat(m.at("/timeseries/0/metadatavalues/0/value").asText()).isEqualTo("app");
        for (JsonNode point : m.at("/timeseries/0/data")) {
          values.add(point.has("average") ? point.get("average").asDouble() : null);
        }
      }
    }
    return values;
  }

  @Test
  @DisplayName(
      "a running group has per-minute CPU (moving) and memory (steady) per container; minutes"
          + " after its container exited carry no value")
  void seriesFollowTheTimeline() {
    Instant t0 = c.clock.instant();
    c.send("PUT", c.groupPath("web") + API, PipelineClient.group("1", "Never", ""));
    c.advance(Duration.ofMinutes(6));
    PipelineClient.Reply running =
        c.send(
            "POST",
            batchPath(t0, c.clock.instant(), "containerName%20eq%20'*'"),
            ids(List.of(c.groupPath("web"))),
            METRICS_TOKEN);
    assertThat(running.status()).isEqualTo(200);
    JsonNode entry = running.json().at("/values/0");
    assertThat(entry.path("resourceid").asText()).isEqualToIgnoringCase(c.groupPath("web"));
    assertThat(entry.path("interval").asText()).isEqualTo("PT1M");
    List<Double> cpu = averages(entry, "CpuUsage");
    List<Double> memory = averages(entry, "MemoryUsage");
    assertThat(cpu).hasSize(6).doesNotContainNull();
    assertThat(cpu.stream().distinct().count()).as("CPU moves").isGreaterThan(3);
    assertThat(cpu).allSatisfy(v -> assertThat(v).isBetween(1.0, 1000.0));
    double m0 = memory.get(0);
    assertThat(memory).allSatisfy(v -> assertThat(v).isBetween(m0 * 0.97, m0 * 1.03));
    assertThat(m0).isGreaterThan(60 * 1024 * 1024);

    c.send(
        "POST",
        "/_emulator/resourceGroups/rg/containerGroups/web/containers/app/exit",
        "{\"exitCode\":0}",
        null);
    c.advance(Duration.ofMinutes(3));
    Instant afterExit = c.clock.instant().minus(Duration.ofMinutes(1));
    PipelineClient.Reply stopped =
        c.send(
            "POST",
            batchPath(afterExit, c.clock.instant(), "containerName%20eq%20'*'"),
            ids(List.of(c.groupPath("web"))),
            METRICS_TOKEN);
    assertThat(averages(stopped.json().at("/values/0"), "CpuUsage")).containsOnlyNulls();
  }

  @Test
  @DisplayName("more than 50 resource ids, an ARM token or an unknown metric are refused")
  void refusals() {
    Instant now = c.clock.instant();
    List<String> many =
        IntStream.range(0, 51).mapToObj(i -> c.groupPath("g" + i)).collect(Collectors.toList());
    PipelineClient.Reply tooMany =
        c.send("POST", batchPath(now.minusSeconds(600), now, null), ids(many), METRICS_TOKEN);
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.json().at("/error/message").asText()).contains("51").contains("50");

    PipelineClient.Reply armToken =
        c.send(
            "POST",
            batchPath(now.minusSeconds(600), now, null),
            ids(List.of(c.groupPath("web"))),
            "Bearer " + token("https://management.core.windows.net/"));
    assertThat(armToken.status()).isEqualTo(401);
    assertThat(armToken.json().at("/error/code").asText())
        .isEqualTo("InvalidAuthenticationTokenAudience");

    PipelineClient.Reply unknown =
        c.send(
            "POST",
            batchPath(now.minusSeconds(600), now, null).replace("CpuUsage,", "CpuPercent,"),
            ids(List.of(c.groupPath("web"))),
            METRICS_TOKEN);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().at("/error/message").asText()).contains("CpuPercent");
  }
}
