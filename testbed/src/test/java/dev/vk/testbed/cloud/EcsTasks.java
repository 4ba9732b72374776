package dev.vk.testbed.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vk.emulator.ecs.EcsEmulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the ECS emulator's tasks through the ECS API (awsJson 1.1), as {@code aws ecs list-tasks}
 * and {@code describe-tasks --include TAGS} would.
 */
final class EcsTasks {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final EcsEmulator ecs;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  EcsTasks(EcsEmulator ecs) {
    this.ecs = ecs;
  }

  /** The tasks {@code startedBy} the node whose desired status is RUNNING or STOPPED. */
  List<JsonNode> startedBy(String startedBy, String desiredStatus) {
    List<String> arns = new ArrayList<>();
    String token = null;
    do {
      ObjectNode list = JSON.createObjectNode();
      list.put("cluster", "default");
      list.put("startedBy", startedBy);
      list.put("desiredStatus", desiredStatus);
      list.put("maxResults", 100);
      if (token != null) {
        list.put("nextToken", token);
      }
      JsonNode page = call("ListTasks", list);
      page.path("taskArns").forEach(a -> arns.add(a.asText()));
      token = page.path("nextToken").asText(null);
    } while (token != null && !token.isEmpty());
    List<JsonNode> tasks = new ArrayList<>();
    for (int i = 0; i < arns.size(); i += 100) {
      ObjectNode describe = JSON.createObjectNode();
      describe.put("cluster", "default");
      ArrayNode refs = describe.putArray("tasks");
      arns.subList(i, Math.min(arns.size(), i + 100)).forEach(refs::add);
      describe.putArray("include").add("TAGS");
      call("DescribeTasks", describe).path("tasks").forEach(tasks::add);
    }
    return tasks;
  }

  /** RUNNING and STOPPED tasks of the node whose task definition family names the Deployment. */
  List<JsonNode> ofDeployment(String startedBy, String deployment) {
    List<JsonNode> all = new ArrayList<>(startedBy(startedBy, "RUNNING"));
    all.addAll(startedBy(startedBy, "STOPPED"));
    return all.stream()
        .filter(t -> t.path("taskDefinitionArn").asText().contains("-default-" + deployment + "-"))
        .toList();
  }

  /** The task definition, as DescribeTaskDefinition returns it. */
  JsonNode taskDefinition(String arn) {
    ObjectNode describe = JSON.createObjectNode();
    describe.put("taskDefinition", arn);
    return call("DescribeTaskDefinition", describe).path("taskDefinition");
  }

  static String tag(JsonNode task, String key) {
    for (JsonNode t : task.path("tags")) {
      if (key.equals(t.path("key").asText())) {
        return t.path("value").asText();
      }
    }
    return null;
  }

  private JsonNode call(String operation, JsonNode body) {
    HttpRequest request =
        HttpRequest.newBuilder(ecs.endpoint().resolve("/"))
            .header("Content-Type", "application/x-amz-json-1.1")
            .header("X-Amz-Target", "AmazonEC2ContainerServiceV20141113." + operation)
            .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDE2E/e2e-reader")
            .timeout(Duration.ofSeconds(20))
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            operation + " -> " + response.statusCode() + ": " + response.body());
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(operation, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The URI's host:port, for messages. */
  URI endpoint() {
    return ecs.endpoint();
  }
}
