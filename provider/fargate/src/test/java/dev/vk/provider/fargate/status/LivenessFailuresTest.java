package dev.vk.provider.fargate.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ExecAction;
import io.kubernetes.client.openapi.models.V1HTTPGetAction;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1Probe;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.HealthStatus;
import software.amazon.awssdk.services.ecs.model.Task;

/** When a health check stops a task, and what it means for Ready. */
class LivenessFailuresTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private static V1Probe exec() {
    return new V1Probe().exec(new V1ExecAction().command(List.of("cat", "/tmp/healthy")));
  }

  private static V1Probe http() {
    return new V1Probe().httpGet(new V1HTTPGetAction().path("/").port(new IntOrString(80)));
  }

  /** liveness / readiness: exec, http or none. */
  private static PodShape shape(String liveness, String readiness) {
    V1Container app =
        new V1Container()
            .name("app")
            .image("busybox")
            .livenessProbe(probe(liveness))
            .readinessProbe(probe(readiness));
    return PodShape.of(new V1PodSpec().containers(List.of(app)));
  }

  private static V1Probe probe(String kind) {
    return switch (kind) {
      case "exec" -> exec();
      case "http" -> http();
      default -> null;
    };
  }

  private static Task task(String lastStatus, String desired, String containerLast, String health) {
    return Task.builder()
        .taskArn("arn:aws:ecs:us-east-1:123456789012:task/default/t1")
        .lastStatus(lastStatus)
        .desiredStatus(desired)
        .containers(
            Container.builder()
                .name("app")
                .lastStatus(containerLast)
                .healthStatus(health)
                .runtimeId("t1-1")
                .build())
        .build();
  }

  @ParameterizedTest(name = "liveness {0}, readiness {1}, {2} {3} {4}/{5} -> stop {6}")
  @CsvSource({
    "exec, none, RUNNING,      RUNNING, RUNNING, UNHEALTHY, true",
    "exec, http, RUNNING,      RUNNING, RUNNING, UNHEALTHY, true",
    "exec, exec, RUNNING,      RUNNING, RUNNING, UNHEALTHY, true",
    "exec, none, ACTIVATING,   RUNNING, RUNNING, UNHEALTHY, true",
    "exec, none, RUNNING,      RUNNING, RUNNING, HEALTHY,   false",
    "exec, none, RUNNING,      RUNNING, RUNNING, UNKNOWN,   false",
    "exec, none, DEACTIVATING, STOPPED, RUNNING, UNHEALTHY, false",
    "exec, none, STOPPED,      STOPPED, STOPPED, UNHEALTHY, false",
    "none, exec, RUNNING,      RUNNING, RUNNING, UNHEALTHY, false",
    "http, exec, RUNNING,      RUNNING, RUNNING, UNHEALTHY, false",
    "none, none, RUNNING,      RUNNING, RUNNING, UNHEALTHY, false",
  })
  void stopsOnlyForAFailedLivenessCheck(
      String liveness,
      String readiness,
      String last,
      String desired,
      String containerLast,
      String health,
      boolean stops) {
    assertThat(
            LivenessFailures.failedContainer(
                shape(liveness, readiness), task(last, desired, containerLast, health)))
        .isEqualTo(stops ? Optional.of("app") : Optional.empty());
  }

  /** Ready follows the health check by what it stands for. */
  @ParameterizedTest(name = "liveness {0}, readiness {1}, health {2} -> ready {3}")
  @CsvSource({
    "exec, none, UNKNOWN,   true",
    "exec, none, HEALTHY,   true",
    "exec, none, UNHEALTHY, false",
    "none, exec, UNKNOWN,   false",
    "none, exec, HEALTHY,   true",
    "none, exec, UNHEALTHY, false",
    "exec, http, UNKNOWN,   false",
    "exec, http, HEALTHY,   true",
    "http, http, UNKNOWN,   true",
    "none, none, UNKNOWN,   true",
  })
  void readyFollowsTheCheck(String liveness, String readiness, String health, boolean ready) {
    var status =
        FargateStatusMapper.map(
            shape(liveness, readiness),
            task("RUNNING", "RUNNING", "RUNNING", health),
            RestartHistory.NONE,
            new Observations(),
            NOW);
    assertThat(status.getContainerStatuses().get(0).getReady()).isEqualTo(ready);
  }

  @Test
  void theMessageNamesTheContainer() {
    assertThat(LivenessFailures.message("app"))
        .isEqualTo("Liveness probe failed: container app is unhealthy (ECS health check)");
    assertThat(HealthStatus.fromValue("UNHEALTHY")).isEqualTo(HealthStatus.UNHEALTHY);
  }
}
