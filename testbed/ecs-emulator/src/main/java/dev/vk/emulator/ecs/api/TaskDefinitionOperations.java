package dev.vk.emulator.ecs.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vk.emulator.ecs.http.AwsException;
import dev.vk.emulator.ecs.http.AwsService;
import dev.vk.emulator.ecs.http.OperationRegistry;
import dev.vk.emulator.ecs.json.Json;
import dev.vk.emulator.ecs.state.EcsState;
import dev.vk.emulator.ecs.state.TaskDefinition;
import dev.vk.emulator.ecs.state.TaskDefinitionParser;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;

/**
 * RegisterTaskDefinition, DeregisterTaskDefinition, DescribeTaskDefinition, ListTaskDefinitions.
 */
public final class TaskDefinitionOperations {
  private final EcsState state;
  private final Clock clock;

  public TaskDefinitionOperations(EcsState state, Clock clock) {
    this.state = state;
    this.clock = clock;
  }

  public void register(OperationRegistry registry) {
    registry
        .add(AwsService.ECS, "RegisterTaskDefinition", this::registerTaskDefinition)
        .add(AwsService.ECS, "DeregisterTaskDefinition", this::deregister)
        .add(AwsService.ECS, "DescribeTaskDefinition", this::describe)
        .add(AwsService.ECS, "ListTaskDefinitions", this::list);
  }

  private ObjectNode registerTaskDefinition(ObjectNode request) {
    TaskDefinitionParser.Parsed parsed = TaskDefinitionParser.parse(request);
    synchronized (state) {
      TaskDefinition definition =
          state.taskDefinitions().register(parsed, Json.tags(request, "tags"), clock.instant());
      ObjectNode response = Json.object();
      response.set("taskDefinition", definition.description());
      response.set("tags", Json.tagArray(definition.tags()));
      return response;
    }
  }

  private ObjectNode deregister(ObjectNode request) {
    synchronized (state) {
      TaskDefinition definition = find(request, "The specified task definition does not exist.");
      if (definition.active()) {
        definition.description().put("status", "INACTIVE");
        definition.description().put("deregisteredAt", Json.epochSeconds(clock.instant()));
      }
      ObjectNode response = Json.object();
      response.set("taskDefinition", definition.description());
      return response;
    }
  }

  private ObjectNode describe(ObjectNode request) {
    synchronized (state) {
      TaskDefinition definition = find(request, "Unable to describe task definition.");
      ObjectNode response = Json.object();
      response.set("taskDefinition", definition.description());
      if (Json.strings(request, "include").contains("TAGS")) {
        response.set("tags", Json.tagArray(definition.tags()));
      }
      return response;
    }
  }

  private ObjectNode list(ObjectNode request) {
    synchronized (state) {
      String prefix = Json.text(request, "familyPrefix");
      String status = Json.text(request, "status", "ACTIVE");
      Comparator<TaskDefinition> order =
          Comparator.comparing(TaskDefinition::family).thenComparing(TaskDefinition::revision);
      if ("DESC".equals(Json.text(request, "sort"))) {
        order = order.reversed();
      }
      List<String> arns =
          state.taskDefinitions().all().stream()
              .filter(d -> prefix == null || d.family().startsWith(prefix))
              .filter(
                  d ->
                      "ALL".equals(status)
                          || status.equals(d.description().path("status").asText()))
              .sorted(order)
              .map(TaskDefinition::arn)
              .toList();
      Page page = Page.of(arns, request, 100);
      ObjectNode response = Json.object();
      ArrayNode items = response.putArray("taskDefinitionArns");
      page.items().forEach(items::add);
      page.writeNextToken(response);
      return response;
    }
  }

  private TaskDefinition find(ObjectNode request, String missingMessage) {
    String reference = Json.text(request, "taskDefinition");
    if (reference == null) {
      throw AwsException.invalidParameter("taskDefinition can not be blank.");
    }
    return state
        .taskDefinitions()
        .find(reference)
        .orElseThrow(() -> AwsException.client(missingMessage));
  }
}
