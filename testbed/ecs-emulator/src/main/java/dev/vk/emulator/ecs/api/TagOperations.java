package dev.vk.emulator.ecs.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vk.emulator.ecs.http.AwsException;
import dev.vk.emulator.ecs.http.AwsService;
import dev.vk.emulator.ecs.http.OperationRegistry;
import dev.vk.emulator.ecs.json.Json;
import dev.vk.emulator.ecs.state.Arns;
import dev.vk.emulator.ecs.state.EcsState;
import java.util.Map;

/** TagResource, UntagResource, ListTagsForResource on tasks, task definitions and clusters. */
public final class TagOperations {
  private final EcsState state;

  public TagOperations(EcsState state) {
    this.state = state;
  }

  public void register(OperationRegistry registry) {
    registry
        .add(AwsService.ECS, "TagResource", this::tag)
        .add(AwsService.ECS, "UntagResource", this::untag)
        .add(AwsService.ECS, "ListTagsForResource", this::list);
  }

  private ObjectNode tag(ObjectNode request) {
    synchronized (state) {
      Map<String, String> tags = tagsOf(Json.text(request, "resourceArn"));
      Map<String, String> added = Json.tags(request, "tags");
      Tags.validate(added, (int) tags.keySet().stream().filter(k -> !added.containsKey(k)).count());
      tags.putAll(added);
      return Json.object();
    }
  }

  private ObjectNode untag(ObjectNode request) {
    synchronized (state) {
      Map<String, String> tags = tagsOf(Json.text(request, "resourceArn"));
      Json.strings(request, "tagKeys").forEach(tags::remove);
      return Json.object();
    }
  }

  private ObjectNode list(ObjectNode request) {
    synchronized (state) {
      ObjectNode response = Json.object();
      response.set("tags", Json.tagArray(tagsOf(Json.text(request, "resourceArn"))));
      return response;
    }
  }

  /** The live tag map of the resource an ARN names. */
  private Map<String, String> tagsOf(String arn) {
    if (arn == null || !arn.startsWith("arn:aws:ecs:")) {
      throw AwsException.invalidParameter("The ARN provided is invalid.");
    }
    if (arn.contains(":task/")) {
      return state.task(arn).map(t -> t.tags).orElseThrow(TagOperations::missing);
    }
    if (arn.contains(":task-definition/")) {
      return state
          .taskDefinitions()
          .find(arn)
          .map(d -> d.tags())
          .orElseThrow(TagOperations::missing);
    }
    if (arn.contains(":cluster/")) {
      return state
          .findCluster(Arns.clusterName(arn))
          .map(c -> c.tags())
          .orElseThrow(TagOperations::missing);
    }
    throw AwsException.invalidParameter("The ARN provided is invalid.");
  }

  private static AwsException missing() {
    return AwsException.resourceNotFound("The specified resource could not be found.");
  }
}
