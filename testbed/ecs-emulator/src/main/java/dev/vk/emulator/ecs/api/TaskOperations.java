package dev.vk.emulator.ecs.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vk.emulator.ecs.http.AwsException;
import dev.vk.emulator.ecs.http.AwsService;
import dev.vk.emulator.ecs.http.OperationRegistry;
import dev.vk.emulator.ecs.json.Json;
import dev.vk.emulator.ecs.lifecycle.TaskLifecycle;
import dev.vk.emulator.ecs.state.Cluster;
import dev.vk.emulator.ecs.state.EcsState;
import dev.vk.emulator.ecs.state.Task;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** DescribeTasks, ListTasks and StopTask. */
public final class TaskOperations {
  private static final int DESCRIBE_LIMIT = 100;

  private final EcsState state;
  private final TaskLifecycle lifecycle;
  private final Clock clock;

  public TaskOperations(EcsState state, TaskLifecycle lifecycle, Clock clock) {
    this.state = state;
    this.lifecycle = lifecycle;
    this.clock = clock;
  }

  public void register(OperationRegistry registry) {
    registry
        .add(AwsService.ECS, "DescribeTasks", this::describeTasks)
        .add(AwsService.ECS, "ListTasks", this::listTasks)
        .add(AwsService.ECS, "StopTask", this::stopTask);
  }

  ObjectNode describeTasks(ObjectNode request) {
    synchronized (state) {
      Cluster cluster = state.cluster(Json.text(request, "cluster"));
      List<String> references = Json.strings(request, "tasks");
      if (references.isEmpty()) {
        throw AwsException.invalidParameter("Tasks cannot be empty.");
      }
      if (references.size() > DESCRIBE_LIMIT) {
        throw AwsException.invalidParameter("Tasks cannot contain more than 100 elements.");
      }
      purge();
      boolean tags = Json.strings(request, "include").contains("TAGS");
      ObjectNode response = Json.object();
      ArrayNode tasks = response.putArray("tasks");
      ArrayNode failures = response.putArray("failures");
      for (String reference : references) {
        Optional<Task> task = find(cluster, reference);
        if (task.isPresent()) {
          tasks.add(TaskJson.render(task.get(), tags));
        } else {
          String arn =
              reference.startsWith("arn:")
                  ? reference
                  : state.arns().task(cluster.name(), reference);
          failures.addObject().put("arn", arn).put("reason", "MISSING");
        }
      }
      return response;
    }
  }

  ObjectNode listTasks(ObjectNode request) {
    synchronized (state) {
      Cluster cluster = state.cluster(Json.text(request, "cluster"));
      purge();
      String family = Json.text(request, "family");
      String startedBy = Json.text(request, "startedBy");
      String desired = Json.text(request, "desiredStatus", "RUNNING");
      String launchType = Json.text(request, "launchType");
      if (launchType != null && !"FARGATE".equals(launchType)) {
        return page(List.of(), request);
      }
      List<String> arns =
          state.tasks().stream()
              .filter(t -> t.clusterName.equals(cluster.name()))
              .filter(t -> family == null || t.definition.family().equals(family))
              .filter(t -> startedBy == null || startedBy.equals(t.startedBy))
              .filter(t -> desired.equals(t.desiredStatus))
              .map(t -> t.arn)
              .toList();
      return page(arns, request);
    }
  }

  private static ObjectNode page(List<String> arns, ObjectNode request) {
    Page page = Page.of(arns, request, 100);
    ObjectNode response = Json.object();
    ArrayNode items = response.putArray("taskArns");
    page.items().forEach(items::add);
    page.writeNextToken(response);
    return response;
  }

  ObjectNode stopTask(ObjectNode request) {
    synchronized (state) {
      Cluster cluster = state.cluster(Json.text(request, "cluster"));
      String reference = Json.text(request, "task");
      if (reference == null) {
        throw AwsException.invalidParameter("task can not be blank.");
      }
      Task task =
          find(cluster, reference)
              .orElseThrow(
                  () -> AwsException.invalidParameter("The referenced task was not found."));
      String reason = Json.text(request, "reason", "Task stopped by user");
      if (reason.length() > 255) {
        throw AwsException.invalidParameter("reason can be at most 255 characters.");
      }
      if (!task.stopping()) {
        // StopTask removes the task's tags (ECS documents this; DescribeTasks shows none after).
        task.tags.clear();
      }
      lifecycle.stop(task, "UserInitiated", reason);
      ObjectNode response = Json.object();
      response.set("task", TaskJson.render(task, false));
      return response;
    }
  }

  private Optional<Task> find(Cluster cluster, String reference) {
    return state.task(reference).filter(t -> t.clusterName.equals(cluster.name()));
  }

  private void purge() {
    state.purgeStopped(clock.instant(), lifecycle.timings().stoppedRetention());
  }
}
