package dev.vk.emulator.aci;

import static dev.vk.emulator.aci.PipelineClient.API;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.emulator.aci.faults.FaultRule;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ControlPipelineTest {

  private final PipelineClient c =
      new PipelineClient(AciEmulatorOptions.defaults().withResourceGroups("rg"));

  @Test
  @DisplayName("ARM's checks: bearer token, api-version, subscription, resource group, known paths")
  void armChecks() {
    String path = c.groupPath("web");
    assertThat(c.send("GET", path + API, null, null).status()).isEqualTo(401);
    assertThat(c.send("GET", path, null).json().at("/error/code").asText())
        .isEqualTo("MissingApiVersionParameter");
    assertThat(
            c.send("GET", path.replace("/rg/", "/other/") + API, null)
                .json()
                .at("/error/code")
                .asText())
        .isEqualTo("ResourceGroupNotFound");
    assertThat(
            c.send("GET", path.replace(c.options.subscriptionId(), "nope") + API, null)
                .json()
                .at("/error/code")
                .asText())
        .isEqualTo("SubscriptionNotFound");
    assertThat(c.send("GET", "/nothing/here", null).status()).isEqualTo(404);
    assertThat(
            c.send(
                    "GET",
                    path.toUpperCase().replace("RESOURCEGROUPS/RG", "resourceGroups/rg") + API,
                    null)
                .status())
        .isEqualTo(404);
  }

  @Test
  @DisplayName(
      "an injected 429 carries Retry-After and a zero rate-limit budget; later calls report the budget")
  void throttling() {
    c.core
        .faults()
        .inject(FaultRule.throttle("containerGroups.get", Duration.ofMillis(1500)).forNextCalls(1));
    PipelineClient.Reply throttled = c.send("GET", c.groupPath("web") + API, null);
    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.header("Retry-After")).isEqualTo("2");
    assertThat(throttled.header("x-ms-ratelimit-remaining-subscription-reads")).isEqualTo("0");
    assertThat(throttled.json().at("/error/code").asText())
        .isEqualTo("SubscriptionRequestsThrottled");
    PipelineClient.Reply next = c.send("GET", c.groupPath("web") + API, null);
    assertThat(next.status()).isEqualTo(404);
    assertThat(next.header("x-ms-ratelimit-remaining-subscription-reads")).isEqualTo("248");
    assertThat(c.core.calls().timeline("containerGroups.get").get(0).retryNotBefore())
        .isEqualTo(c.clock.instant().plusSeconds(2));
  }

  @Test
  @DisplayName("injected latency holds the response until the time has passed")
  void latency() {
    c.core.faults().inject(FaultRule.latency(FaultRule.ANY, Duration.ofSeconds(2)));
    assertThat(c.send("GET", c.groupPath("web") + API, null)).isNull();
    c.advance(Duration.ofSeconds(2));
    assertThat(c.receive().status()).isEqualTo(404);
  }

  @Test
  @DisplayName("the admin API injects faults, reports calls, and deletes groups out of band")
  void adminApi() {
    c.send("PUT", c.groupPath("web") + API, PipelineClient.group("1", "Always", ""));
    assertThat(
            c.send(
                    "POST",
                    "/_emulator/faults",
                    "{\"operation\":\"containers.listLogs\",\"status\":503,\"count\":1}",
                    null)
                .status())
        .isEqualTo(201);
    assertThat(c.send("GET", c.groupPath("web") + "/containers/app/logs" + API, null).status())
        .isEqualTo(503);

    var calls = c.send("GET", "/_emulator/calls", null, null).json();
    assertThat(calls.at("/counts/containerGroups.createOrUpdate").asInt()).isEqualTo(1);
    assertThat(calls.at("/counts/containers.listLogs").asInt()).isEqualTo(1);
    assertThat(calls.at("/calls/1/status").asInt()).isEqualTo(503);
    assertThat(calls.at("/calls/1/injected").asBoolean()).isTrue();

    assertThat(
            c.send("POST", "/_emulator/resourceGroups/rg/containerGroups/web/delete", null, null)
                .status())
        .isEqualTo(204);
    assertThat(c.send("GET", c.groupPath("web") + API, null).status()).isEqualTo(404);
  }

  @Test
  @DisplayName(
      "an out-of-band exit under restartPolicy Never leaves the group Failed with the exit code")
  void outOfBandExit() {
    c.send("PUT", c.groupPath("web") + API, PipelineClient.group("1", "Never", ""));
    c.advance(Duration.ofSeconds(3));
    assertThat(
            c.send(
                    "POST",
                    "/_emulator/resourceGroups/rg/containerGroups/web/containers/app/exit",
                    "{\"exitCode\":2}",
                    null)
                .status())
        .isEqualTo(204);
    var group = c.send("GET", c.groupPath("web") + API, null).json();
    assertThat(group.at("/properties/instanceView/state").asText()).isEqualTo("Failed");
    assertThat(
            group
                .at("/properties/containers/0/properties/instanceView/currentState/exitCode")
                .asInt())
        .isEqualTo(2);
  }
}
