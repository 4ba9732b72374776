package dev.vk.emulator.ecs.api;

import static dev.vk.emulator.ecs.api.EcsFixture.container;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vk.emulator.ecs.http.AwsException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RunTaskTest {
  private final EcsFixture ecs = new EcsFixture();
  private final String definition =
      ecs.register("app", "[" + container("main", "['sleep','60']", "") + "]");

  private ObjectNode run(String clientToken, String startedBy) {
    return ecs.call(
        "RunTask",
        "{'taskDefinition':'app','launchType':'FARGATE','clientToken':'"
            + clientToken
            + "','startedBy':'"
            + startedBy
            + "','networkConfiguration':{'awsvpcConfiguration':{'subnets':['subnet-1']}}}");
  }

  @Test
  @DisplayName("the same clientToken with the same parameters returns the same task")
  void sameTokenSameTask() {
    String first = run("token-1", "pod-a").path("tasks").get(0).path("taskArn").asText();
    String again = run("token-1", "pod-a").path("tasks").get(0).path("taskArn").asText();

    assertThat(again).isEqualTo(first);
    assertThat(ecs.call("ListTasks", "{}").path("taskArns")).hasSize(1);
  }

  @Test
  @DisplayName("a new clientToken starts a new task")
  void newTokenNewTask() {
    String first = run("token-1", "pod-a").path("tasks").get(0).path("taskArn").asText();
    String second = run("token-2", "pod-a").path("tasks").get(0).path("taskArn").asText();

    assertThat(second).isNotEqualTo(first);
  }

  @Test
  @DisplayName("reusing a clientToken with other parameters is a ConflictException")
  void sameTokenOtherParameters() {
    run("token-1", "pod-a");

    assertThatThrownBy(() -> run("token-1", "pod-b"))
        .isInstanceOfSatisfying(
            AwsException.class, e -> assertThat(e.type()).isEqualTo("ConflictException"));
  }

  @Test
  @DisplayName("RunTask without awsvpc networkConfiguration is rejected as ECS does")
  void networkConfigurationRequired() {
    assertThatThrownBy(() -> ecs.call("RunTask", "{'taskDefinition':'app','launchType':'FARGATE'}"))
        .isInstanceOfSatisfying(
            AwsException.class,
            e -> {
              assertThat(e.type()).isEqualTo("InvalidParameterException");
              assertThat(e.getMessage())
                  .isEqualTo(
                      "Network Configuration must be provided when networkMode 'awsvpc' is"
                          + " specified.");
            });
  }

  @Test
  @DisplayName("RunTask without FARGATE (launch type or capacity provider) finds no instances")
  void ec2IsNotEmulated() {
    assertThatThrownBy(
            () ->
                ecs.call(
                    "RunTask",
                    "{'taskDefinition':'app','networkConfiguration':{'awsvpcConfiguration':"
                        + "{'subnets':['s']}}}"))
        .hasMessage("No Container Instances were found in your cluster.");
  }

  @Test
  @DisplayName("a FARGATE_SPOT capacity provider strategy shows up as capacityProviderName")
  void spotStrategy() {
    ObjectNode response =
        ecs.call(
            "RunTask",
            "{'taskDefinition':'"
                + definition
                + "','capacityProviderStrategy':[{'capacityProvider':'FARGATE_SPOT','weight':1}],"
                + "'networkConfiguration':{'awsvpcConfiguration':{'subnets':['s']}}}");

    assertThat(response.path("tasks").get(0).path("capacityProviderName").asText())
        .isEqualTo("FARGATE_SPOT");
    assertThat(response.path("tasks").get(0).path("launchType").asText()).isEqualTo("FARGATE");
  }

  @Test
  @DisplayName("an unknown cluster is ClusterNotFoundException")
  void unknownCluster() {
    assertThatThrownBy(() -> ecs.call("ListTasks", "{'cluster':'nope'}"))
        .isInstanceOfSatisfying(
            AwsException.class, e -> assertThat(e.type()).isEqualTo("ClusterNotFoundException"));
  }

  @Test
  @DisplayName("container overrides replace the command and are echoed in overrides")
  void overrides() {
    ObjectNode task =
        (ObjectNode)
            ecs.call(
                    "RunTask",
                    "{'taskDefinition':'app','launchType':'FARGATE','overrides':{'containerOverrides':"
                        + "[{'name':'main','command':['sh','-c','exit 4']}]},"
                        + "'networkConfiguration':{'awsvpcConfiguration':{'subnets':['s']}}}")
                .path("tasks")
                .get(0);
    ecs.advance(java.time.Duration.ofSeconds(3));

    assertThat(task.path("overrides").path("containerOverrides").get(0).path("name").asText())
        .isEqualTo("main");
    assertThat(
            ecs.describe(task.path("taskArn").asText())
                .path("containers")
                .get(0)
                .path("exitCode")
                .asInt())
        .isEqualTo(4);
  }
}
