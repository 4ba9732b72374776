package dev.vk.emulator.ecs.api;

import static dev.vk.emulator.ecs.api.EcsFixture.container;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vk.emulator.ecs.http.AwsException;
import dev.vk.emulator.ecs.json.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DescribeTasksTest {
  private final EcsFixture ecs = new EcsFixture();
  private final String definition =
      ecs.register("app", "[" + container("main", "['sleep','600']", "") + "]");

  private List<String> run(int count, String startedBy) {
    List<String> arns = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      arns.add(ecs.runTask(definition, ",'startedBy':'" + startedBy + "'"));
    }
    return arns;
  }

  private static ObjectNode describeRequest(List<String> arns) {
    ObjectNode request = Json.object();
    ArrayNode tasks = request.putArray("tasks");
    arns.forEach(tasks::add);
    return request;
  }

  @Test
  @DisplayName("unknown tasks come back as MISSING failures beside the known ones")
  void failuresForUnknown() {
    List<String> known = run(3, "pod");
    List<String> asked = new ArrayList<>(known);
    asked.add("arn:aws:ecs:us-east-1:123456789012:task/default/0123456789abcdef0123456789abcdef");
    asked.add("fedcba9876543210fedcba9876543210");

    ObjectNode response = ecs.call("DescribeTasks", describeRequest(asked));

    assertThat(response.path("tasks"))
        .extracting(t -> t.path("taskArn").asText())
        .containsExactlyElementsOf(known);
    assertThat(response.path("failures")).hasSize(2);
    assertThat(response.path("failures"))
        .allSatisfy(f -> assertThat(f.path("reason").asText()).isEqualTo("MISSING"));
    assertThat(response.path("failures").get(1).path("arn").asText())
        .isEqualTo(
            "arn:aws:ecs:us-east-1:123456789012:task/default/fedcba9876543210fedcba9876543210");
  }

  @Test
  @DisplayName("DescribeTasks takes at most 100 tasks per call")
  void batchLimit() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      ids.add(String.format("%032x", i));
    }
    assertThat(ecs.call("DescribeTasks", describeRequest(ids.subList(0, 100))).path("failures"))
        .hasSize(100);
    assertThatThrownBy(() -> ecs.call("DescribeTasks", describeRequest(ids)))
        .isInstanceOfSatisfying(
            AwsException.class, e -> assertThat(e.type()).isEqualTo("InvalidParameterException"));
  }

  @Test
  @DisplayName("tags are only included when asked for with include=[TAGS]")
  void tagsOnRequest() {
    String task = ecs.runTask(definition, ",'tags':[{'key':'pod','value':'ns/a'}]");

    JsonNode plain = ecs.call("DescribeTasks", "{'tasks':['" + task + "']}").path("tasks").get(0);
    JsonNode tagged = ecs.describe(task);

    assertThat(plain.has("tags")).isFalse();
    assertThat(tagged.path("tags").get(0).path("value").asText()).isEqualTo("ns/a");
  }

  @Test
  @DisplayName("ListTasks filters by startedBy and desiredStatus and pages with nextToken")
  void listTasksPaging() {
    List<String> mine = run(5, "vk-node");
    run(2, "someone-else");
    ecs.call("StopTask", "{'task':'" + mine.get(4) + "'}");

    List<String> seen = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      ObjectNode request = Json.object().put("startedBy", "vk-node").put("maxResults", 2);
      if (token != null) {
        request.put("nextToken", token);
      }
      ObjectNode page = ecs.call("ListTasks", request);
      page.path("taskArns").forEach(arn -> seen.add(arn.asText()));
      token = page.path("nextToken").asText(null);
      pages++;
    } while (token != null);

    assertThat(seen).containsExactlyElementsOf(mine.subList(0, 4));
    assertThat(pages).isEqualTo(2);
    assertThat(ecs.call("ListTasks", "{'desiredStatus':'STOPPED'}").path("taskArns"))
        .extracting(JsonNode::asText)
        .containsExactly(mine.get(4));
  }
}
