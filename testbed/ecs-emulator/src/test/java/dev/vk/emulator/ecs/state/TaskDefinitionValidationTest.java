package dev.vk.emulator.ecs.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vk.emulator.ecs.http.AwsException;
import dev.vk.emulator.ecs.json.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaskDefinitionValidationTest {

  private static ObjectNode request(String cpu, String memory) throws JsonProcessingException {
    return (ObjectNode)
        Json.MAPPER.readTree(
            ("{'family':'f','requiresCompatibilities':['FARGATE'],'networkMode':'awsvpc',"
                    + "'cpu':'"
                    + cpu
                    + "','memory':'"
                    + memory
                    + "',"
                    + "'containerDefinitions':[{'name':'c','image':'busybox'}]}")
                .replace('\'', '"'));
  }

  @ParameterizedTest(name = "{0} CPU / {1} MiB is a Fargate size")
  @CsvSource({
    "256,512",
    "256,1024",
    "256,2048",
    "512,1024",
    "512,4096",
    "1024,2048",
    "1024,8192",
    "2048,4096",
    "2048,16384",
    "4096,8192",
    "4096,30720",
    "8192,16384",
    "8192,61440",
    "16384,32768",
    "16384,122880",
    "1 vCPU,2 GB",
    "0.5 vCPU,1GB"
  })
  void validSizes(String cpu, String memory) throws JsonProcessingException {
    TaskDefinitionParser.Parsed parsed = TaskDefinitionParser.parse(request(cpu, memory));

    assertThat(parsed.fargateCompatible()).isTrue();
    assertThat(parsed.description().path("compatibilities").toString()).contains("FARGATE");
  }

  @ParameterizedTest(name = "{0} CPU / {1} MiB is rejected")
  @CsvSource({
    "256,4096",
    "512,512",
    "512,5120",
    "1024,1024",
    "1024,9216",
    "2048,3072",
    "4096,31744",
    "8192,18432",
    "16384,36864",
    "32768,65536",
    "300,512"
  })
  void invalidSizes(String cpu, String memory) {
    assertThatThrownBy(() -> TaskDefinitionParser.parse(request(cpu, memory)))
        .isInstanceOfSatisfying(
            AwsException.class,
            e -> {
              assertThat(e.type()).isEqualTo("ClientException");
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "No Fargate configuration exists for given values: "
                          + cpu
                          + " CPU, "
                          + memory
                          + " memory. See the Amazon ECS documentation for the valid values.");
            });
  }

  @Test
  @DisplayName("Fargate needs task-level cpu, awsvpc, and an execution role for awslogs")
  void fargateRequirements() throws JsonProcessingException {
    ObjectNode noCpu = request("256", "512");
    noCpu.remove("cpu");
    assertThatThrownBy(() -> TaskDefinitionParser.parse(noCpu))
        .hasMessage("Fargate requires that 'cpu' be defined at the task level.");

    ObjectNode bridge = request("256", "512").put("networkMode", "bridge");
    assertThatThrownBy(() -> TaskDefinitionParser.parse(bridge))
        .hasMessage("Fargate only supports network mode \u2018awsvpc\u2019.");

    ObjectNode awslogs = request("256", "512");
    ((ObjectNode) awslogs.path("containerDefinitions").get(0))
        .putObject("logConfiguration")
        .put("logDriver", "awslogs");
    assertThatThrownBy(() -> TaskDefinitionParser.parse(awslogs))
        .hasMessage(
            "Fargate requires task definition to have execution role ARN to support log driver"
                + " awslogs.");
  }

  @Test
  @DisplayName("string sizes are normalized to units as ECS echoes them")
  void normalizedSizes() throws JsonProcessingException {
    ObjectNode description = TaskDefinitionParser.parse(request("1 vCPU", "2 GB")).description();

    assertThat(description.path("cpu").asText()).isEqualTo("1024");
    assertThat(description.path("memory").asText()).isEqualTo("2048");
    assertThat(description.path("containerDefinitions").get(0).path("essential").asBoolean())
        .isTrue();
  }
}
