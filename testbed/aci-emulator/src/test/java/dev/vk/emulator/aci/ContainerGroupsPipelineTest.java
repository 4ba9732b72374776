package dev.vk.emulator.aci;

import static dev.vk.emulator.aci.PipelineClient.API;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ContainerGroupsPipelineTest {

  private final PipelineClient c =
      new PipelineClient(AciEmulatorOptions.defaults().withPageSize(2));

  @Test
  @DisplayName(
      "PUT answers 201 Pending with Azure-AsyncOperation; the operation and GET follow the lifecycle")
  void createFollowsLifecycle() {
    PipelineClient.Reply put =
        c.send("PUT", c.groupPath("web") + API, PipelineClient.group("1", "Always", ""));
    assertThat(put.status()).isEqualTo(201);
    assertThat(put.json().at("/properties/provisioningState").asText()).isEqualTo("Pending");
    assertThat(put.json().at("/properties/instanceView/state").asText()).isEqualTo("Pending");
    assertThat(put.json().at("/properties/ipAddress/ip").isMissingNode()).isTrue();
    String operation = put.header("Azure-AsyncOperation");
    assertThat(operation)
        .startsWith("https://emulator.test/subscriptions/")
        .contains("/locations/westeurope/operations/");
    String operationPath =
        URI.create(operation).getRawPath() + "?" + URI.create(operation).getRawQuery();
    assertThat(c.send("GET", operationPath, null).json().path("status").asText())
        .isEqualTo("InProgress");

    c.advance(Duration.ofSeconds(3));

    assertThat(c.send("GET", operationPath, null).json().path("status").asText())
        .isEqualTo("Succeeded");
    JsonNode group = c.send("GET", c.groupPath("web") + API, null).json();
    assertThat(group.at("/properties/provisioningState").asText()).isEqualTo("Succeeded");
    assertThat(group.at("/properties/instanceView/state").asText()).isEqualTo("Running");
    assertThat(group.at("/properties/ipAddress/ip").asText()).isEqualTo("20.0.0.4");
    assertThat(
            group
                .at("/properties/containers/0/properties/instanceView/currentState/state")
                .asText())
        .isEqualTo("Running");
    assertThat(group.at("/tags/PodName").asText()).isEqualTo("web");
    assertThat(group.at("/id").asText())
        .endsWith("/resourceGroups/rg/providers/Microsoft.ContainerInstance/containerGroups/web");
  }

  @Test
  @DisplayName("GET never returns secureValue; the variable's name stays")
  void secretsAreNotReturned() {
    c.send("PUT", c.groupPath("web") + API, PipelineClient.group("1", "Always", ""));
    JsonNode env =
        c.send("GET", c.groupPath("web") + API, null)
            .json()
            .at("/properties/containers/0/properties/environmentVariables");
    assertThat(env.toString()).doesNotContain("s3cret").contains("\"TOKEN\"");
  }

  @Test
  @DisplayName(
      "updates: 409 while transitioning, 400 for immutable changes, tags-only keeps containers running")
  void updateRules() {
    String path = c.groupPath("web") + API;
    c.send("PUT", path, PipelineClient.group("1", "Always", ""));
    PipelineClient.Reply early = c.send("PUT", path, PipelineClient.group("1", "Always", ""));
    assertThat(early.status()).isEqualTo(409);
    assertThat(early.json().at("/error/code").asText()).isEqualTo("ContainerGroupTransitioning");

    c.advance(Duration.ofSeconds(5));
    PipelineClient.Reply cpu = c.send("PUT", path, PipelineClient.group("2", "Always", ""));
    assertThat(cpu.status()).isEqualTo(400);
    assertThat(cpu.json().at("/error/code").asText()).isEqualTo("InvalidContainerGroupUpdate");

    PipelineClient.Reply tags =
        c.send(
            "PUT", path, PipelineClient.group("1", "Always", "").replace("\"web\"}", "\"other\"}"));
    assertThat(tags.status()).isEqualTo(200);
    assertThat(tags.header("Azure-AsyncOperation")).isNull();
    assertThat(tags.json().at("/tags/PodName").asText()).isEqualTo("other");
    assertThat(tags.json().at("/properties/instanceView/state").asText()).isEqualTo("Running");

    PipelineClient.Reply image =
        c.send("PUT", path, PipelineClient.group("1", "Always", "\"command\":[\"sleep\",\"60\"],"));
    assertThat(image.status()).isEqualTo(200);
    assertThat(image.header("Azure-AsyncOperation")).isNotNull();
    assertThat(image.json().at("/properties/provisioningState").asText()).isEqualTo("Pending");
  }

  @Test
  @DisplayName(
      "lists page by nextLink and omit instance views; subscription-wide list sees every group")
  void paging() {
    for (String name : new String[] {"a", "b", "c"}) {
      c.send("PUT", c.groupPath(name) + API, PipelineClient.group("1", "Never", ""));
    }
    String listPath = c.groupPath("").replaceAll("/$", "") + API;
    JsonNode first = c.send("GET", listPath, null).json();
    assertThat(first.path("value")).hasSize(2);
    assertThat(first.at("/value/0/properties/instanceView").isMissingNode()).isTrue();
    URI next = URI.create(first.path("nextLink").asText());
    assertThat(next.getHost()).isEqualTo("emulator.test");
    JsonNode second = c.send("GET", next.getRawPath() + "?" + next.getRawQuery(), null).json();
    assertThat(second.path("value")).hasSize(1);
    assertThat(second.at("/value/0/name").asText()).isEqualTo("c");
    assertThat(second.has("nextLink")).isFalse();
    String subscriptionList =
        "/subscriptions/"
            + c.options.subscriptionId()
            + "/providers/Microsoft.ContainerInstance/containerGroups"
            + API;
    assertThat(c.send("GET", subscriptionList, null).json().path("value")).hasSize(2);
  }

  @Test
  @DisplayName("logs: tail keeps the newest lines, timestamps prefixes RFC 3339 times")
  void logs() {
    c.send("PUT", c.groupPath("web") + API, PipelineClient.group("1", "Always", ""));
    c.advance(Duration.ofSeconds(2 + 5));
    String logs = c.groupPath("web") + "/containers/app/logs" + API;
    assertThat(c.send("GET", logs + "&tail=2", null).json().path("content").asText())
        .isEqualTo("app tick 4\napp tick 5\n");
    assertThat(
            c.send("GET", logs + "&tail=1&timestamps=true", null).json().path("content").asText())
        .isEqualTo("2025-01-01T00:00:07Z app tick 5\n");
    assertThat(c.send("GET", c.groupPath("web") + "/containers/nope/logs" + API, null).status())
        .isEqualTo(404);
  }

  @Test
  @DisplayName("DELETE answers 200 with the group, then 204; GET then answers 404 ResourceNotFound")
  void delete() {
    c.send("PUT", c.groupPath("web") + API, PipelineClient.group("1", "Always", ""));
    assertThat(c.send("DELETE", c.groupPath("web") + API, null).json().path("name").asText())
        .isEqualTo("web");
    assertThat(c.send("DELETE", c.groupPath("web") + API, null).status()).isEqualTo(204);
    PipelineClient.Reply gone = c.send("GET", c.groupPath("web") + API, null);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.json().at("/error/code").asText()).isEqualTo("ResourceNotFound");
  }

  @Test
  @DisplayName("executeCommand returns a wss:// URI and a password; a stopped container refuses")
  void executeCommand() {
    c.send(
        "PUT",
        c.groupPath("web") + API,
        PipelineClient.group("1", "Never", "\"command\":[\"sleep\",\"10\"],"));
    String exec = c.groupPath("web") + "/containers/app/exec" + API;
    String body = "{\"command\":\"/bin/sh\",\"terminalSize\":{\"rows\":24,\"cols\":80}}";
    assertThat(c.send("POST", exec, body).status()).isEqualTo(409);
    c.advance(Duration.ofSeconds(3));
    JsonNode reply = c.send("POST", exec, body).json();
    assertThat(reply.path("webSocketUri").asText())
        .startsWith("wss://emulator.test/ws/exec/")
        .endsWith("?rows=24&cols=80");
    assertThat(reply.path("password").asText()).isNotBlank();
  }
}
