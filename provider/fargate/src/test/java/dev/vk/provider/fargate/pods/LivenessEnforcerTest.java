package dev.vk.provider.fargate.pods;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.testkit.TestingKubernetesAccess;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ExecAction;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1Probe;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.Task;

class LivenessEnforcerTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final String ARN = "arn:aws:ecs:us-east-1:123456789012:task/default/t1";
  private static final String MESSAGE =
      "Liveness probe failed: container app is unhealthy (ECS health check)";
  private final List<String> stops = new ArrayList<>();
  private final TestingKubernetesAccess kube = new TestingKubernetesAccess();
  private boolean failStop;
  private final LivenessEnforcer enforcer =
      new LivenessEnforcer(
          (arn, reason) -> {
            if (failStop) {
              throw new ProviderException(
                  ProviderException.Kind.UNAVAILABLE, "StopTask " + arn + ": throttled");
            }
            stops.add(arn + " " + reason);
          },
          kube);

  private static V1Pod pod(String restartPolicy, boolean liveness) {
    V1Probe probe = new V1Probe().exec(new V1ExecAction().command(List.of("cat", "/tmp/x")));
    V1Container app = new V1Container().name("app").image("busybox");
    if (liveness) {
      app.livenessProbe(probe);
    } else {
      app.readinessProbe(probe);
    }
    return new V1Pod()
        .metadata(new V1ObjectMeta().namespace("ns").name("web").uid("u1"))
        .spec(new V1PodSpec().restartPolicy(restartPolicy).containers(List.of(app)));
  }

  private static Task task(long version, String last, String desired, String health, Integer exit) {
    return Task.builder()
        .taskArn(ARN)
        .version(version)
        .lastStatus(last)
        .desiredStatus(desired)
        .stopCode("STOPPED".equals(desired) ? "UserInitiated" : null)
        .stoppedReason("STOPPED".equals(desired) ? MESSAGE : null)
        .containers(
            Container.builder()
                .name("app")
                .lastStatus("STOPPED".equals(last) ? "STOPPED" : "RUNNING")
                .exitCode(exit)
                .healthStatus(health)
                .runtimeId("t1-1")
                .build())
        .build();
  }

  private static Task unhealthy(long version) {
    return task(version, "RUNNING", "RUNNING", "UNHEALTHY", null);
  }

  @Test
  void stopsOnceAndRecordsTheEvent() {
    PodRecord record = new PodRecord(pod("Always", true), 0);
    record.apply(unhealthy(3), NOW);

    enforcer.check(record);
    enforcer.check(record);
    record.apply(unhealthy(4), NOW); // a newer view, still unhealthy before ECS stops it
    enforcer.check(record);

    assertThat(stops).containsExactly(ARN + " " + MESSAGE);
    assertThat(kube.events).containsExactly("web Warning Unhealthy: " + MESSAGE);
    assertThat(record.inTransition()).as("watched until it stops").isTrue();
  }

  @Test
  void aHealthyOrUnknownCheckStopsNothing() {
    PodRecord record = new PodRecord(pod("Always", true), 0);
    record.apply(task(3, "RUNNING", "RUNNING", "HEALTHY", null), NOW);
    enforcer.check(record);
    record.apply(task(4, "RUNNING", "RUNNING", "UNKNOWN", null), NOW);
    enforcer.check(record);

    assertThat(stops).isEmpty();
    assertThat(kube.events).isEmpty();
  }

  @Test
  void aReadinessCheckNeverStops() {
    PodRecord record = new PodRecord(pod("Always", false), 0);
    record.apply(unhealthy(3), NOW);

    enforcer.check(record);

    assertThat(stops).isEmpty();
    assertThat(record.status(NOW).getContainerStatuses().get(0).getReady()).isFalse();
  }

  @Test
  void aFailedStopIsRetriedNextRound() {
    PodRecord record = new PodRecord(pod("Always", true), 0);
    record.apply(unhealthy(3), NOW);
    failStop = true;
    enforcer.check(record);
    assertThat(kube.events).isEmpty();

    failStop = false;
    enforcer.check(record);

    assertThat(stops).containsExactly(ARN + " " + MESSAGE);
    assertThat(kube.events).hasSize(1);
  }

  @Test
  void aDeletedPodIsNotStoppedForItsProbe() {
    PodRecord record = new PodRecord(pod("Always", true), 0);
    record.apply(unhealthy(3), NOW);
    record.markDeleting();

    enforcer.check(record);

    assertThat(stops).isEmpty();
  }

  @Test
  void neverEndsFailedWithTheProbeAsMessage() {
    PodRecord record = new PodRecord(pod("Never", true), 0);
    record.apply(unhealthy(3), NOW);
    enforcer.check(record);

    record.apply(task(9, "STOPPED", "STOPPED", "UNHEALTHY", 137), NOW);

    var status = record.status(NOW);
    assertThat(status.getPhase()).isEqualTo("Failed");
    assertThat(status.getMessage()).isEqualTo(MESSAGE);
    var terminated = status.getContainerStatuses().get(0).getState().getTerminated();
    assertThat(terminated.getExitCode()).isEqualTo(137);
    assertThat(terminated.getReason()).isEqualTo("Error");
    assertThat(terminated.getMessage()).isEqualTo(MESSAGE);
    assertThat(record.replacementDue(NOW)).isFalse();
  }

  @Test
  void alwaysReplacesAndKeepsTheProbeInLastState() {
    PodRecord record = new PodRecord(pod("Always", true), 0);
    record.apply(unhealthy(3), NOW);
    enforcer.check(record);

    record.apply(task(9, "STOPPED", "STOPPED", "UNHEALTHY", 137), NOW);

    assertThat(record.replacementDue(NOW)).isTrue();
    var last = record.status(NOW).getContainerStatuses().get(0).getLastState().getTerminated();
    assertThat(last.getExitCode()).isEqualTo(137);
    assertThat(last.getMessage()).isEqualTo(MESSAGE);
  }
}
