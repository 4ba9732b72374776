package dev.vk.emulator.ecs.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vk.emulator.ecs.http.AwsException;
import dev.vk.emulator.ecs.http.AwsService;
import dev.vk.emulator.ecs.http.OperationRegistry;
import dev.vk.emulator.ecs.json.Json;
import dev.vk.emulator.ecs.lifecycle.TaskLifecycle;
import dev.vk.emulator.ecs.state.Cluster;
import dev.vk.emulator.ecs.state.EcsState;
import dev.vk.emulator.ecs.state.FargateSizes;
import dev.vk.emulator.ecs.state.Task;
import dev.vk.emulator.ecs.state.TaskDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * RunTask on Fargate: validation as ECS does it, clientToken idempotency, and the hand-over of new
 * tasks to the {@link TaskLifecycle}.
 */
public final class RunTaskOperation {
  private final EcsState state;
  private final TaskLifecycle lifecycle;
  private final TaskFactory factory;

  public RunTaskOperation(EcsState state, TaskLifecycle lifecycle) {
    this.state = state;
    this.lifecycle = lifecycle;
    this.factory = new TaskFactory(state);
  }

  public void register(OperationRegistry registry) {
    registry.add(AwsService.ECS, "RunTask", this::runTask);
  }

  ObjectNode runTask(ObjectNode request) {
    synchronized (state) {
      Cluster cluster = state.cluster(Json.text(request, "cluster"));
      String token = Json.text(request, "clientToken");
      ObjectNode fingerprint = request.deepCopy();
      fingerprint.remove("clientToken");
      if (token != null && state.clientToken(token).isPresent()) {
        EcsState.IdempotentRun earlier = state.clientToken(token).get();
        if (!earlier.request().equals(fingerprint)) {
          throw AwsException.conflict(
              "The clientToken has already been used with different parameters.");
        }
        return response(
            earlier.taskIds().stream().map(id -> state.task(id).orElseThrow()).toList());
      }
      TaskDefinition definition = definition(request);
      String capacityProvider = capacityProvider(request);
      if (!definition.fargateCompatible()) {
        throw AwsException.invalidParameter(
            "Task definition does not support launch_type FARGATE.");
      }
      String subnet = subnet(request);
      int count = count(request);
      ObjectNode overrides = overrides(request, definition);
      Map<String, String> tags = Json.tags(request, "tags");
      Tags.validate(tags, 0);
      List<Task> tasks = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        Task task = factory.create(cluster, definition, overrides, subnet);
        task.cpu = overrides.has("cpu") ? overrides.get("cpu").asText() : definition.cpu();
        task.memory =
            overrides.has("memory") ? overrides.get("memory").asText() : definition.memory();
        task.capacityProviderName = capacityProvider;
        task.group = Json.text(request, "group", "family:" + definition.family());
        task.startedBy = Json.text(request, "startedBy");
        task.enableExecuteCommand = Json.bool(request, "enableExecuteCommand", false);
        task.availabilityZone = state.region() + "a";
        task.overrides = overrides;
        if ("TASK_DEFINITION".equals(Json.text(request, "propagateTags"))) {
          task.tags.putAll(definition.tags());
        }
        task.tags.putAll(tags);
        state.addTask(task);
        lifecycle.launch(task);
        tasks.add(task);
      }
      if (token != null) {
        state.rememberClientToken(
            token, new EcsState.IdempotentRun(fingerprint, tasks.stream().map(t -> t.id).toList()));
      }
      return response(tasks);
    }
  }

  private TaskDefinition definition(ObjectNode request) {
    String reference = Json.text(request, "taskDefinition");
    if (reference == null) {
      throw AwsException.invalidParameter("taskDefinition can not be blank.");
    }
    TaskDefinition definition =
        state
            .taskDefinitions()
            .find(reference)
            .orElseThrow(() -> AwsException.invalidParameter("TaskDefinition not found."));
    if (!definition.active()) {
      throw AwsException.client("TaskDefinition is inactive");
    }
    return definition;
  }

  /** The Fargate capacity provider chosen, or null for launchType FARGATE. */
  private static String capacityProvider(ObjectNode request) {
    String launchType = Json.text(request, "launchType");
    List<JsonNode> strategy = Json.elements(request, "capacityProviderStrategy");
    if (launchType != null && !strategy.isEmpty()) {
      throw AwsException.invalidParameter(
          "Specifying both a launch type and capacity provider strategy is not supported. Remove"
              + " one and try again.");
    }
    if ("FARGATE".equals(launchType)) {
      return null;
    }
    if (strategy.isEmpty()) {
      // Without either, ECS falls back to EC2, and an emulated cluster has no instances.
      throw AwsException.invalidParameter("No Container Instances were found in your cluster.");
    }
    JsonNode chosen = null;
    for (JsonNode item : strategy) {
      String provider = Json.text(item, "capacityProvider");
      if (!"FARGATE".equals(provider) && !"FARGATE_SPOT".equals(provider)) {
        throw AwsException.invalidParameter(
            "The specified capacity provider strategy cannot contain a capacity provider that is"
                + " not associated with the cluster. Associate the capacity provider with the"
                + " cluster or specify a valid capacity provider and try again.");
      }
      if (chosen == null
          || item.path("base").asInt(0) > chosen.path("base").asInt(0)
          || item.path("weight").asInt(0) > chosen.path("weight").asInt(0)
              && chosen.path("base").asInt(0) == 0) {
        chosen = item;
      }
    }
    return Json.text(chosen, "capacityProvider");
  }

  private static String subnet(ObjectNode request) {
    JsonNode awsvpc = request.path("networkConfiguration").path("awsvpcConfiguration");
    if (awsvpc.isMissingNode() || awsvpc.isNull()) {
      throw AwsException.invalidParameter(
          "Network Configuration must be provided when networkMode 'awsvpc' is specified.");
    }
    List<String> subnets = Json.strings(awsvpc, "subnets");
    if (subnets.isEmpty()) {
      throw AwsException.invalidParameter("subnets can not be empty.");
    }
    return subnets.get(0);
  }

  private static int count(ObjectNode request) {
    Integer count = Json.integer(request, "count");
    if (count != null && (count < 1 || count > 10)) {
      throw AwsException.invalidParameter("count must be between 1 and 10.");
    }
    return count == null ? 1 : count;
  }

  /** The overrides as ECS echoes them: one entry per overridden container, sizes validated. */
  private static ObjectNode overrides(ObjectNode request, TaskDefinition definition) {
    ObjectNode given =
        request.has("overrides") ? (ObjectNode) request.get("overrides") : Json.object();
    ObjectNode overrides = given.deepCopy();
    for (JsonNode override : Json.elements(given, "containerOverrides")) {
      String name = Json.text(override, "name");
      if (definition.container(name).isEmpty()) {
        throw AwsException.invalidParameter(
            "Override for container named " + name + " is not a container in the TaskDefinition.");
      }
    }
    if (!overrides.has("containerOverrides")) {
      overrides.putArray("containerOverrides");
    }
    overrides.putArray("inferenceAcceleratorOverrides");
    if (overrides.has("cpu") || overrides.has("memory")) {
      OptionalInt cpu = FargateSizes.parseCpu(Json.text(overrides, "cpu", definition.cpu()));
      OptionalInt memory =
          FargateSizes.parseMemory(Json.text(overrides, "memory", definition.memory()));
      if (cpu.isEmpty()
          || memory.isEmpty()
          || !FargateSizes.isValid(cpu.getAsInt(), memory.getAsInt())) {
        throw AwsException.client(
            "No Fargate configuration exists for given values: "
                + Json.text(overrides, "cpu", definition.cpu())
                + " CPU, "
                + Json.text(overrides, "memory", definition.memory())
                + " memory. See the Amazon ECS documentation for the valid values.");
      }
      overrides.put("cpu", Integer.toString(cpu.getAsInt()));
      overrides.put("memory", Integer.toString(memory.getAsInt()));
    }
    return overrides;
  }

  private static ObjectNode response(List<Task> tasks) {
    ObjectNode response = Json.object();
    ArrayNode array = response.putArray("tasks");
    tasks.forEach(task -> array.add(TaskJson.render(task, true)));
    response.putArray("failures");
    return response;
  }
}
