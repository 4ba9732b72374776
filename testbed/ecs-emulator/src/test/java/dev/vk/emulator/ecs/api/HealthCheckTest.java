package dev.vk.emulator.ecs.api;

import static dev.vk.emulator.ecs.api.EcsFixture.container;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vk.emulator.ecs.http.AwsException;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Container healthChecks run in the emulated shell on virtual time, with ECS's semantics. */
class HealthCheckTest {
  private static final String WRITES_FILE = "['sh','-c','echo ok > /tmp/healthy; sleep 600']";
  private static final String SLEEPS = "['sleep','600']";
  private final EcsFixture ecs = new EcsFixture();

  /** A task whose containers start at about 200 ms (two 100 ms phases) on virtual time. */
  private String run(String... containers) {
    String task = ecs.runTask(ecs.register("app", "[" + String.join(",", containers) + "]"), "");
    ecs.advance(Duration.ofMillis(500));
    assertThat(ecs.lastStatus(task)).isEqualTo("RUNNING");
    return task;
  }

  private static String check(String command, String settings) {
    return ",'healthCheck':{'command':" + command + settings + "}";
  }

  private JsonNode described(String task, int index) {
    return ecs.describe(task).path("containers").get(index);
  }

  private String health(String task, int index) {
    return described(task, index).path("healthStatus").asText();
  }

  private String taskHealth(String task) {
    return ecs.describe(task).path("healthStatus").asText();
  }

  @Test
  @DisplayName(
      "a passing CMD-SHELL check over the container's files turns HEALTHY at the first interval")
  void passingCheckTurnsHealthy() {
    String task =
        run(
            container(
                "main", WRITES_FILE, check("['CMD-SHELL','cat /tmp/healthy']", ",'interval':5")));

    ecs.advance(Duration.ofMillis(4500));
    assertThat(health(task, 0)).isEqualTo("UNKNOWN");
    assertThat(taskHealth(task)).isEqualTo("UNKNOWN");

    ecs.advance(Duration.ofSeconds(1));
    assertThat(health(task, 0)).isEqualTo("HEALTHY");
    assertThat(taskHealth(task)).isEqualTo("HEALTHY");
  }

  @Test
  @DisplayName("a failing check turns UNHEALTHY after retries failures and the task keeps running")
  void failingCheckTurnsUnhealthyWithoutStoppingTheTask() {
    String task =
        run(
            container(
                "main",
                SLEEPS,
                check("['CMD','cat','/tmp/healthy']", ",'interval':5,'retries':2")));

    ecs.advance(Duration.ofSeconds(5));
    assertThat(health(task, 0)).as("one failure of two").isEqualTo("UNKNOWN");

    ecs.advance(Duration.ofSeconds(5));
    assertThat(health(task, 0)).isEqualTo("UNHEALTHY");
    assertThat(taskHealth(task)).isEqualTo("UNHEALTHY");

    ecs.advance(Duration.ofMinutes(5));
    JsonNode described = ecs.describe(task);
    assertThat(described.path("lastStatus").asText()).isEqualTo("RUNNING");
    assertThat(described.path("desiredStatus").asText()).isEqualTo("RUNNING");
    assertThat(described.path("healthStatus").asText()).isEqualTo("UNHEALTHY");
  }

  @Test
  @DisplayName("ECS defaults: interval 30 s and 3 retries")
  void defaults() {
    String task = run(container("main", SLEEPS, check("['CMD','false']", "")));

    ecs.advance(Duration.ofSeconds(89));
    assertThat(health(task, 0)).isEqualTo("UNKNOWN");

    ecs.advance(Duration.ofSeconds(2));
    assertThat(health(task, 0)).isEqualTo("UNHEALTHY");
  }

  @Test
  @DisplayName("failures within startPeriod do not count")
  void startPeriod() {
    String task =
        run(
            container(
                "main",
                SLEEPS,
                check("['CMD','false']", ",'interval':5,'retries':1,'startPeriod':12")));

    ecs.advance(Duration.ofSeconds(11)); // checks at 5 s and 10 s failed inside the start period
    assertThat(health(task, 0)).isEqualTo("UNKNOWN");

    ecs.advance(Duration.ofSeconds(5)); // the check at 15 s counts
    assertThat(health(task, 0)).isEqualTo("UNHEALTHY");
  }

  @Test
  @DisplayName("a check that outlasts its timeout fails")
  void timeout() {
    String task =
        run(
            container(
                "main",
                SLEEPS,
                check("['CMD-SHELL','sleep 10']", ",'interval':5,'timeout':2,'retries':1")));

    ecs.advance(Duration.ofSeconds(6));
    assertThat(health(task, 0)).isEqualTo("UNKNOWN");

    ecs.advance(Duration.ofSeconds(2));
    assertThat(health(task, 0)).isEqualTo("UNHEALTHY");
  }

  @Test
  @DisplayName("an unknown command fails the check (127)")
  void unknownCommandFails() {
    String task =
        run(
            container(
                "main",
                SLEEPS,
                check("['CMD','curl','-f','http://localhost/']", ",'interval':5,'retries':1")));

    ecs.advance(Duration.ofSeconds(6));
    assertThat(health(task, 0)).isEqualTo("UNHEALTHY");
  }

  @Test
  @DisplayName("task health follows essential checked containers only")
  void taskHealthFollowsEssentialContainers() {
    String task =
        run(
            container("main", WRITES_FILE, check("['CMD','cat','/tmp/healthy']", ",'interval':5")),
            container(
                "side",
                SLEEPS,
                check("['CMD','false']", ",'interval':5,'retries':1") + ",'essential':false"),
            container("plain", SLEEPS, ""));

    ecs.advance(Duration.ofSeconds(6));
    assertThat(health(task, 0)).isEqualTo("HEALTHY");
    assertThat(health(task, 1)).isEqualTo("UNHEALTHY");
    assertThat(health(task, 2)).isEqualTo("UNKNOWN");
    assertThat(taskHealth(task)).isEqualTo("HEALTHY");
  }

  @Test
  @DisplayName("health checks stop with the container")
  void checksStopWithTheTask() {
    String task =
        run(container("main", WRITES_FILE, check("['CMD','cat','/tmp/healthy']", ",'interval':5")));
    ecs.advance(Duration.ofSeconds(6));
    assertThat(health(task, 0)).isEqualTo("HEALTHY");

    ecs.call("StopTask", "{'task':'" + task + "'}");
    ecs.advance(Duration.ofSeconds(30));

    assertThat(ecs.lastStatus(task)).isEqualTo("STOPPED");
    assertThat(described(task, 0).path("exitCode").asInt()).isEqualTo(137);
  }

  @Test
  @DisplayName("settings outside ECS's ranges are refused")
  void rangesAreChecked() {
    assertThatThrownBy(
            () ->
                ecs.register(
                    "bad",
                    "["
                        + container("main", SLEEPS, check("['CMD','true']", ",'interval':1"))
                        + "]"))
        .isInstanceOf(AwsException.class)
        .hasMessageContaining("interval");
    assertThatThrownBy(
            () -> ecs.register("bad", "[" + container("main", SLEEPS, check("['curl']", "")) + "]"))
        .isInstanceOf(AwsException.class)
        .hasMessageContaining("CMD");
  }
}
