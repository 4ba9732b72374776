package dev.vk.emulator.ecs.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vk.emulator.ecs.exec.ExecSessions;
import dev.vk.emulator.ecs.fault.Faults;
import dev.vk.emulator.ecs.http.OperationRegistry;
import dev.vk.emulator.ecs.json.Json;
import dev.vk.emulator.ecs.lifecycle.LifecycleTimings;
import dev.vk.emulator.ecs.lifecycle.TaskLifecycle;
import dev.vk.emulator.ecs.logs.LogStore;
import dev.vk.emulator.ecs.state.EcsState;
import dev.vk.emulator.ecs.time.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;

/** The emulator's state and operations on virtual time, without HTTP. */
final class EcsFixture {
  static final Duration PHASE = Duration.ofMillis(100);

  final VirtualScheduler time = new VirtualScheduler(Instant.parse("2025-01-01T00:00:00Z"));
  final EcsState state = new EcsState("us-east-1", "123456789012", false);
  final LogStore logs = new LogStore("us-east-1", "123456789012");
  final TaskLifecycle lifecycle =
      new TaskLifecycle(state, logs, time, LifecycleTimings.uniform(PHASE), false);
  final Faults faults = new Faults(1, lifecycle);
  final OperationRegistry api =
      EmulatedApi.operations(state, logs, lifecycle, new ExecSessions(), time.clock());

  EcsFixture() {
    state.createCluster("default");
    logs.createGroup("/ecs/app", 0);
  }

  /** Parses JSON written with single quotes. */
  static ObjectNode json(String singleQuoted) {
    try {
      return (ObjectNode) Json.MAPPER.readTree(singleQuoted.replace('\'', '"'));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  ObjectNode call(String operation, String singleQuotedJson) {
    return call(operation, json(singleQuotedJson));
  }

  ObjectNode call(String operation, ObjectNode request) {
    dev.vk.emulator.ecs.http.AwsService service =
        operation.startsWith("Logs.")
            ? dev.vk.emulator.ecs.http.AwsService.LOGS
            : dev.vk.emulator.ecs.http.AwsService.ECS;
    String name = operation.startsWith("Logs.") ? operation.substring(5) : operation;
    return api.find(service, name).orElseThrow().handle(request);
  }

  /** Registers family {@code app} with one awslogs container running {@code argvJson}. */
  String register(String family, String containersJson) {
    ObjectNode request =
        json(
            "{'family':'"
                + family
                + "','requiresCompatibilities':['FARGATE'],'networkMode':'awsvpc','cpu':'256',"
                + "'memory':'512','executionRoleArn':'arn:aws:iam::123456789012:role/exec',"
                + "'containerDefinitions':"
                + containersJson
                + "}");
    return call("RegisterTaskDefinition", request)
        .path("taskDefinition")
        .path("taskDefinitionArn")
        .asText();
  }

  /** A container definition logging to /ecs/app with prefix {@code app}. */
  static String container(String name, String commandJson, String extra) {
    return "{'name':'"
        + name
        + "','image':'public.ecr.aws/docker/library/busybox:latest','command':"
        + commandJson
        + ",'logConfiguration':{'logDriver':'awslogs','options':{'awslogs-group':'/ecs/app',"
        + "'awslogs-region':'us-east-1','awslogs-stream-prefix':'app'}}"
        + extra
        + "}";
  }

  String runTask(String taskDefinition, String extra) {
    ObjectNode response =
        call(
            "RunTask",
            "{'taskDefinition':'"
                + taskDefinition
                + "','launchType':'FARGATE','networkConfiguration':{'awsvpcConfiguration':"
                + "{'subnets':['subnet-1']}}"
                + extra
                + "}");
    return response.path("tasks").get(0).path("taskArn").asText();
  }

  JsonNode describe(String taskArn) {
    return call("DescribeTasks", "{'tasks':['" + taskArn + "'],'include':['TAGS']}")
        .path("tasks")
        .get(0);
  }

  String lastStatus(String taskArn) {
    return describe(taskArn).path("lastStatus").asText();
  }

  void advance(Duration duration) {
    time.advance(duration);
  }
}
