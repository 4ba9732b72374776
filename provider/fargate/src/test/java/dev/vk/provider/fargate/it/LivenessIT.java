package dev.vk.provider.fargate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vk.emulator.ecs.EcsEmulator;
import dev.vk.provider.RateLimitListener;
import dev.vk.provider.fargate.FargateProvider;
import dev.vk.provider.testkit.EmulatorExtension;
import dev.vk.provider.testkit.PodStatuses;
import dev.vk.provider.testkit.Pods;
import dev.vk.provider.testkit.TestingKubernetesAccess;
import io.kubernetes.client.openapi.models.V1ContainerStateTerminated;
import io.kubernetes.client.openapi.models.V1ExecAction;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Probe;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.HealthStatus;

/**
 * Exec liveness probes become ECS health checks, which the emulator runs in the container's shell;
 * ECS only marks the container UNHEALTHY, so the provider stops the task like a kubelet kills the
 * container. The probe period is clamped to ECS's minimum interval of 5 s.
 */
@Timeout(90)
class LivenessIT {
  private static final String MESSAGE =
      "Liveness probe failed: container app is unhealthy (ECS health check)";
  private final TestingKubernetesAccess kube = new TestingKubernetesAccess();
  @RegisterExtension final EmulatorExtension<EcsEmulator> emulator = EmulatedFargate.extension();
  private FargateProvider provider;

  @BeforeEach
  void start() {
    provider =
        EmulatedFargate.provider(
            emulator,
            "vk-liveness",
            EmulatedFargate.settings(emulator),
            kube,
            RateLimitListener.NONE);
  }

  private static V1Pod probed(String name, List<String> command, String restartPolicy) {
    V1Pod pod = Pods.pod("ns", Pods.uniqueName(name));
    pod.getSpec().setRestartPolicy(restartPolicy);
    pod.getSpec()
        .getContainers()
        .get(0)
        .command(command)
        .livenessProbe(
            new V1Probe()
                .exec(new V1ExecAction().command(List.of("cat", "/tmp/healthy")))
                .periodSeconds(1)
                .failureThreshold(1));
    return pod;
  }

  @Test
  void aFailingLivenessProbeRestartsThePod() throws Exception {
    V1Pod pod = probed("live-always", List.of("sleep", "600"), "Always");
    provider.createPod(pod);

    V1Pod restarted =
        awaitPod(
            pod, p -> PodStatuses.restartCount(p, "app") == 1 && PodStatuses.isTrue(p, "Ready"));

    assertThat(restarted.getStatus().getPhase()).isEqualTo("Running");
    V1ContainerStateTerminated last =
        PodStatuses.container(restarted, "app").orElseThrow().getLastState().getTerminated();
    assertThat(last.getExitCode()).isEqualTo(137);
    assertThat(last.getReason()).isEqualTo("Error");
    assertThat(last.getMessage()).isEqualTo(MESSAGE);
    assertThat(kube.events)
        .contains(pod.getMetadata().getName() + " Warning Unhealthy: " + MESSAGE);
  }

  @Test
  void withRestartPolicyNeverThePodFails() throws Exception {
    V1Pod pod = probed("live-never", List.of("sleep", "600"), "Never");
    provider.createPod(pod);

    V1Pod failed = awaitPod(pod, p -> PodStatuses.hasPhase(p, "Failed"));

    assertThat(failed.getStatus().getMessage()).isEqualTo(MESSAGE);
    V1ContainerStateTerminated terminated =
        PodStatuses.container(failed, "app").orElseThrow().getState().getTerminated();
    assertThat(terminated.getExitCode()).isEqualTo(137);
    assertThat(terminated.getReason()).isEqualTo("Error");
    assertThat(terminated.getMessage()).isEqualTo(MESSAGE);
    assertThat(PodStatuses.restartCount(failed, "app")).isZero();
    assertThat(kube.events)
        .containsExactly(pod.getMetadata().getName() + " Warning Unhealthy: " + MESSAGE);
  }

  @Test
  void aPassingLivenessProbeNeverRestarts() throws Exception {
    V1Pod pod =
        probed("live-ok", List.of("sh", "-c", "echo ok > /tmp/healthy; sleep 600"), "Always");
    provider.createPod(pod);
    V1Pod running = awaitPod(pod, p -> PodStatuses.isTrue(p, "Ready"));
    String task = RestartIT.taskId(running);

    try (EcsClient ecs = EmulatedFargate.ecsClient(emulator)) {
      await("the health check passed")
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () ->
                  ecs.describeTasks(r -> r.cluster("default").tasks(task))
                      .tasks()
                      .get(0)
                      .containers()
                      .get(0)
                      .healthStatus(),
              HealthStatus.HEALTHY::equals);
    }
    // Another check (5 s later) passes too; the pod stays on its first task throughout.
    await("no restart")
        .during(Duration.ofSeconds(6))
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> provider.getPod("ns", pod.getMetadata().getName()).orElseThrow(),
            p ->
                PodStatuses.restartCount(p, "app") == 0
                    && PodStatuses.isTrue(p, "Ready")
                    && task.equals(RestartIT.taskId(p)));
    assertThat(kube.events).isEmpty();
  }

  private V1Pod awaitPod(V1Pod pod, Predicate<V1Pod> condition) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> provider.getPod("ns", pod.getMetadata().getName()),
            p -> p.filter(condition).isPresent())
        .orElseThrow();
  }
}
