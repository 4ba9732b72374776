package dev.vk.emulator.ecs.api;

import static dev.vk.emulator.ecs.api.EcsFixture.container;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vk.emulator.ecs.logs.LogEvent;
import dev.vk.emulator.ecs.state.Arns;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TaskLifecycleTest {
  private static final String EXIT_3 = "['sh','-c','exit 3']";
  private static final String SERVER = "['nginx','-g','daemon off;']";
  private final EcsFixture ecs = new EcsFixture();

  private List<String> statusesUntilStopped(String taskArn) {
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < 1000 && !seen.contains("STOPPED"); i++) {
      String status = ecs.lastStatus(taskArn);
      if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(status)) {
        seen.add(status);
      }
      ecs.advance(Duration.ofMillis(10));
    }
    return seen;
  }

  @Test
  @DisplayName("an essential container exiting walks the task through every ECS status")
  void essentialExitWalksTheWholeSequence() {
    String task = ecs.runTask(ecs.register("app", "[" + container("main", EXIT_3, "") + "]"), "");

    assertThat(statusesUntilStopped(task))
        .containsExactly(
            "PROVISIONING",
            "PENDING",
            "ACTIVATING",
            "RUNNING",
            "DEACTIVATING",
            "STOPPING",
            "DEPROVISIONING",
            "STOPPED");
    JsonNode stopped = ecs.describe(task);
    assertThat(stopped.path("stopCode").asText()).isEqualTo("EssentialContainerExited");
    assertThat(stopped.path("stoppedReason").asText())
        .isEqualTo("Essential container in task exited");
    assertThat(stopped.path("desiredStatus").asText()).isEqualTo("STOPPED");
    assertThat(stopped.path("containers").get(0).path("exitCode").asInt()).isEqualTo(3);
    assertThat(stopped.path("attachments").get(0).path("status").asText()).isEqualTo("DELETED");
    List<Double> times = new ArrayList<>();
    for (String field :
        List.of(
            "createdAt",
            "pullStartedAt",
            "pullStoppedAt",
            "startedAt",
            "stoppingAt",
            "executionStoppedAt",
            "stoppedAt")) {
      assertThat(stopped.has(field)).as(field).isTrue();
      times.add(stopped.path(field).asDouble());
    }
    assertThat(times).isSorted();
  }

  @Test
  @DisplayName("a running task reports its ENI address in the attachment and the container")
  void runningTaskReportsEni() {
    String task = ecs.runTask(ecs.register("app", "[" + container("main", SERVER, "") + "]"), "");
    assertThat(ecs.describe(task).path("attachments").get(0).path("status").asText())
        .isEqualTo("PRECREATED");

    ecs.advance(Duration.ofSeconds(1));

    JsonNode running = ecs.describe(task);
    assertThat(running.path("lastStatus").asText()).isEqualTo("RUNNING");
    JsonNode eni = running.path("attachments").get(0);
    assertThat(eni.path("type").asText()).isEqualTo("ElasticNetworkInterface");
    assertThat(eni.path("status").asText()).isEqualTo("ATTACHED");
    String ip = detail(eni, "privateIPv4Address");
    assertThat(ip).matches("10\\.0\\.\\d+\\.\\d+");
    assertThat(detail(eni, "networkInterfaceId")).startsWith("eni-");
    assertThat(detail(eni, "macAddress")).matches("([0-9a-f]{2}:){5}[0-9a-f]{2}");
    assertThat(detail(eni, "subnetId")).isEqualTo("subnet-1");
    JsonNode container = running.path("containers").get(0);
    assertThat(container.path("networkInterfaces").get(0).path("privateIpv4Address").asText())
        .isEqualTo(ip);
    assertThat(container.path("lastStatus").asText()).isEqualTo("RUNNING");
    assertThat(container.path("runtimeId").asText()).startsWith(Arns.taskId(task) + "-");
  }

  @Test
  @DisplayName("StopTask is UserInitiated, keeps the reason, kills containers and drops tags")
  void stopTask() {
    String task =
        ecs.runTask(
            ecs.register("app", "[" + container("main", SERVER, "") + "]"),
            ",'tags':[{'key':'pod','value':'a'}]");
    ecs.advance(Duration.ofSeconds(1));

    JsonNode answer =
        ecs.call("StopTask", "{'task':'" + task + "','reason':'Initiated by user'}").path("task");

    assertThat(answer.path("desiredStatus").asText()).isEqualTo("STOPPED");
    assertThat(answer.path("lastStatus").asText()).isEqualTo("RUNNING");
    ecs.advance(Duration.ofSeconds(1));
    JsonNode stopped = ecs.describe(task);
    assertThat(stopped.path("lastStatus").asText()).isEqualTo("STOPPED");
    assertThat(stopped.path("stopCode").asText()).isEqualTo("UserInitiated");
    assertThat(stopped.path("stoppedReason").asText()).isEqualTo("Initiated by user");
    assertThat(stopped.path("containers").get(0).path("exitCode").asInt()).isEqualTo(137);
    assertThat(stopped.path("tags")).isEmpty();
  }

  @Test
  @DisplayName("container output lands in the awslogs stream prefix/container/task-id")
  void logsGoToAwslogsStream() {
    String task =
        ecs.runTask(
            ecs.register(
                "app",
                "[" + container("main", "['sh','-c','echo hello; echo world; sleep 5']", "") + "]"),
            "");
    ecs.advance(Duration.ofSeconds(1));

    List<LogEvent> events = ecs.logs.events("/ecs/app", "app/main/" + Arns.taskId(task));

    assertThat(events).extracting(LogEvent::message).containsExactly("hello", "world");
  }

  @Test
  @DisplayName("a long-running container logs a line every second")
  void serverLogsTicks() {
    String task = ecs.runTask(ecs.register("app", "[" + container("main", SERVER, "") + "]"), "");
    ecs.advance(Duration.ofMillis(3500));

    assertThat(ecs.logs.events("/ecs/app", "app/main/" + Arns.taskId(task)))
        .extracting(LogEvent::message)
        .contains(
            "main started: nginx -g daemon off;", "main running (tick 1)", "main running (tick 2)");
  }

  @Test
  @DisplayName("dependsOn SUCCESS holds the app container until init exits 0")
  void dependsOnSuccess() {
    String init = container("init", "['sh','-c','echo init; exit 0']", ",'essential':false");
    String app =
        container("app", SERVER, ",'dependsOn':[{'containerName':'init','condition':'SUCCESS'}]");
    String task = ecs.runTask(ecs.register("app", "[" + init + "," + app + "]"), "");
    ecs.advance(Duration.ofMillis(500));

    JsonNode during = ecs.describe(task);
    assertThat(during.path("lastStatus").asText()).isEqualTo("PENDING");
    assertThat(containerOf(during, "init").path("lastStatus").asText()).isEqualTo("RUNNING");
    assertThat(containerOf(during, "app").path("lastStatus").asText()).isEqualTo("PENDING");

    ecs.advance(Duration.ofSeconds(2));

    JsonNode after = ecs.describe(task);
    assertThat(after.path("lastStatus").asText()).isEqualTo("RUNNING");
    assertThat(containerOf(after, "init").path("exitCode").asInt()).isZero();
    assertThat(containerOf(after, "app").path("lastStatus").asText()).isEqualTo("RUNNING");
  }

  @Test
  @DisplayName("an init container failing a SUCCESS dependency fails the task to start")
  void failedDependency() {
    String init = container("init", "['sh','-c','exit 1']", ",'essential':false");
    String app =
        container("app", SERVER, ",'dependsOn':[{'containerName':'init','condition':'SUCCESS'}]");
    String task = ecs.runTask(ecs.register("app", "[" + init + "," + app + "]"), "");
    ecs.advance(Duration.ofSeconds(3));

    JsonNode stopped = ecs.describe(task);
    assertThat(stopped.path("lastStatus").asText()).isEqualTo("STOPPED");
    assertThat(stopped.path("stopCode").asText()).isEqualTo("TaskFailedToStart");
    assertThat(stopped.has("startedAt")).isFalse();
  }

  @Test
  @DisplayName("an image that cannot be pulled fails the task with CannotPullContainerError")
  void unpullableImage() {
    String definition =
        ecs.register(
            "app",
            "[{'name':'main','image':'registry.example/does-not-exist:1','command':['sleep','9']}]");
    String task = ecs.runTask(definition, "");
    ecs.advance(Duration.ofSeconds(2));

    JsonNode stopped = ecs.describe(task);
    assertThat(stopped.path("stopCode").asText()).isEqualTo("TaskFailedToStart");
    assertThat(stopped.path("stoppedReason").asText()).startsWith("CannotPullContainerError:");
    assertThat(stopped.path("containers").get(0).path("reason").asText())
        .startsWith("CannotPullContainerError:");
  }

  @Test
  @DisplayName("awslogs to a missing group fails the task as Fargate does")
  void missingLogGroup() {
    String definition =
        ecs.register(
            "app", "[" + container("main", SERVER, "").replace("/ecs/app", "/ecs/none") + "]");
    String task = ecs.runTask(definition, "");
    ecs.advance(Duration.ofSeconds(2));

    assertThat(ecs.describe(task).path("stoppedReason").asText())
        .startsWith("ResourceInitializationError:")
        .contains("The specified log group does not exist.");
  }

  @Test
  @DisplayName("faults: a Spot interruption and a container crash stop the task out of band")
  void outOfBandEvents() {
    String definition = ecs.register("app", "[" + container("main", SERVER, "") + "]");
    String spot = ecs.runTask(definition, "");
    String crash = ecs.runTask(definition, "");
    ecs.advance(Duration.ofSeconds(1));

    ecs.faults.stopTask(spot, "SpotInterruption", "Your Spot Task was interrupted.");
    ecs.faults.exitContainer(crash, "main", 2);
    ecs.advance(Duration.ofSeconds(1));

    assertThat(ecs.describe(spot).path("stopCode").asText()).isEqualTo("SpotInterruption");
    assertThat(ecs.describe(spot).path("lastStatus").asText()).isEqualTo("STOPPED");
    JsonNode crashed = ecs.describe(crash);
    assertThat(crashed.path("stopCode").asText()).isEqualTo("EssentialContainerExited");
    assertThat(crashed.path("containers").get(0).path("exitCode").asInt()).isEqualTo(2);
  }

  private static JsonNode containerOf(JsonNode task, String name) {
    for (JsonNode container : task.path("containers")) {
      if (name.equals(container.path("name").asText())) {
        return container;
      }
    }
    throw new AssertionError("no container " + name);
  }

  private static String detail(JsonNode attachment, String name) {
    for (JsonNode detail : attachment.path("details")) {
      if (name.equals(detail.path("name").asText())) {
        return detail.path("value").asText();
      }
    }
    return null;
  }
}
