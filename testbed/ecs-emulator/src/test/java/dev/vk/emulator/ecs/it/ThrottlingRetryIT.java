package dev.vk.emulator.ecs.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vk.emulator.ecs.EcsEmulator;
import dev.vk.emulator.ecs.EmulatorOptions;
import dev.vk.emulator.ecs.fault.CallLog;
import dev.vk.emulator.ecs.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.ecs.EcsClient;

/** With 20% of calls throttled, the SDK's standard retries still get every call through. */
@Timeout(120)
class ThrottlingRetryIT {
  private static final int CALLS = 30;

  @Test
  @DisplayName("20% ThrottlingException: the SDK retries converge and the timeline shows it")
  void sdkRetriesConverge() throws Exception {
    try (EcsEmulator emulator = EcsEmulator.start(EmulatorOptions.defaults().faultSeed(42));
        EcsClient ecs = SdkClients.ecs(emulator)) {
      emulator.faults().throttlePercent("DescribeClusters", 20);

      for (int i = 0; i < CALLS; i++) {
        assertThat(ecs.describeClusters(r -> r.clusters("default")).clusters()).hasSize(1);
      }

      List<CallLog.Call> timeline = emulator.calls().timeline("DescribeClusters");
      long throttled =
          timeline.stream().filter(c -> "ThrottlingException".equals(c.errorType())).count();
      assertThat(timeline.stream().filter(CallLog.Call::ok).count()).isEqualTo(CALLS);
      assertThat(throttled).isPositive();
      assertThat(timeline).hasSize(CALLS + (int) throttled);
      assertThat(timeline.get(timeline.size() - 1).ok()).isTrue();
      assertThat(timeline).extracting(CallLog.Call::time).isSorted();

      JsonNode admin = adminCalls(emulator.endpoint());
      assertThat(admin.path("counts").path("DescribeClusters").asInt()).isEqualTo(timeline.size());
      assertThat(admin.path("timeline").get(0).path("status").asInt()).isIn(200, 400);
    }
  }

  @Test
  @DisplayName("faults set through the admin HTTP API reach SDK callers")
  void adminFaults() throws Exception {
    try (EcsEmulator emulator = EcsEmulator.start(EmulatorOptions.defaults());
        EcsClient ecs = SdkClients.ecs(emulator)) {
      HttpResponse<String> added =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(emulator.endpoint().resolve("/_emulator/faults"))
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "{\"operation\":\"ListClusters\",\"type\":\"throttle\",\"count\":2}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(added.statusCode()).isEqualTo(200);

      assertThat(ecs.listClusters().clusterArns()).hasSize(1);

      assertThat(emulator.calls().timeline("ListClusters"))
          .extracting(CallLog.Call::status)
          .containsExactly(400, 400, 200);
    }
  }

  private static JsonNode adminCalls(URI endpoint) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(endpoint.resolve("/_emulator/calls")).build(),
                HttpResponse.BodyHandlers.ofString());
    return Json.MAPPER.readTree(response.body());
  }
}
