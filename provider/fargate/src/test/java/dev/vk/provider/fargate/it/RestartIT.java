package dev.vk.provider.fargate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vk.emulator.ecs.EcsEmulator;
import dev.vk.provider.fargate.FargateProvider;
import dev.vk.provider.testkit.EmulatorExtension;
import dev.vk.provider.testkit.PodStatuses;
import dev.vk.provider.testkit.Pods;
import io.kubernetes.client.openapi.models.V1ContainerStateTerminated;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;

/** Tasks stopped out of band (Spot interruption, a container killed) under each restart policy. */
@Timeout(60)
class RestartIT {
  @RegisterExtension final EmulatorExtension<EcsEmulator> emulator = EmulatedFargate.extension();
  private FargateProvider provider;

  @BeforeEach
  void start() {
    provider = EmulatedFargate.provider(emulator, "vk-restart", EmulatedFargate.settings(emulator));
  }

  @Test
  void alwaysReplacesAStoppedTaskAndCountsTheRestart() throws Exception {
    V1Pod pod = Pods.pod("ns", Pods.uniqueName("always"));
    provider.createPod(pod);
    V1Pod running = awaitPod(pod, p -> PodStatuses.isTrue(p, "Ready"));
    String firstContainer = PodStatuses.container(running, "app").orElseThrow().getContainerID();

    emulator
        .get()
        .faults()
        .stopTask(taskId(running), "SpotInterruption", "Your Spot Task was interrupted.");

    V1Pod restarted =
        awaitPod(
            pod, p -> PodStatuses.restartCount(p, "app") == 1 && PodStatuses.isTrue(p, "Ready"));
    assertThat(restarted.getStatus().getPhase()).isEqualTo("Running");
    var status = PodStatuses.container(restarted, "app").orElseThrow();
    assertThat(status.getContainerID()).isNotEqualTo(firstContainer);
    assertThat(status.getLastState().getTerminated().getExitCode()).isEqualTo(137);
  }

  @Test
  void neverFailsThePodWithTheContainersExitCode() throws Exception {
    V1Pod pod = Pods.pod("ns", Pods.uniqueName("never"));
    pod.getSpec().setRestartPolicy("Never");
    provider.createPod(pod);
    V1Pod running = awaitPod(pod, p -> PodStatuses.isTrue(p, "Ready"));

    emulator.get().faults().exitContainer(taskId(running), "app", 7);

    V1Pod failed = awaitPod(pod, p -> PodStatuses.hasPhase(p, "Failed"));
    V1ContainerStateTerminated terminated =
        PodStatuses.container(failed, "app").orElseThrow().getState().getTerminated();
    assertThat(terminated.getExitCode()).isEqualTo(7);
    assertThat(terminated.getReason()).isEqualTo("Error");
    assertThat(PodStatuses.restartCount(failed, "app")).isZero();
  }

  @Test
  void onFailureRestartsAFailedContainerButNotACompletedOne() throws Exception {
    V1Pod failing = Pods.pod("ns", Pods.uniqueName("onfail"));
    failing.getSpec().setRestartPolicy("OnFailure");
    V1Pod completing = Pods.pod("ns", Pods.uniqueName("ondone"));
    completing.getSpec().setRestartPolicy("OnFailure");
    provider.createPod(failing);
    provider.createPod(completing);

    emulator
        .get()
        .faults()
        .exitContainer(taskId(awaitPod(failing, p -> PodStatuses.isTrue(p, "Ready"))), "app", 3);
    emulator
        .get()
        .faults()
        .exitContainer(taskId(awaitPod(completing, p -> PodStatuses.isTrue(p, "Ready"))), "app", 0);

    V1Pod restarted =
        awaitPod(
            failing,
            p -> PodStatuses.restartCount(p, "app") == 1 && PodStatuses.isTrue(p, "Ready"));
    assertThat(
            PodStatuses.container(restarted, "app")
                .orElseThrow()
                .getLastState()
                .getTerminated()
                .getExitCode())
        .isEqualTo(3);
    V1Pod done = awaitPod(completing, p -> PodStatuses.hasPhase(p, "Succeeded"));
    assertThat(PodStatuses.restartCount(done, "app")).isZero();
  }

  @Test
  void aTaskThatEndedWhileTheNodeWasDownShowsItsRealEnd() throws Exception {
    V1Pod job = Pods.pod("ns", Pods.uniqueName("job"));
    job.getSpec().setRestartPolicy("Never");
    V1Pod web = Pods.pod("ns", Pods.uniqueName("web"));
    provider.createPod(job);
    provider.createPod(web);
    String jobTask = taskId(awaitPod(job, p -> PodStatuses.isTrue(p, "Ready")));
    String webTask = taskId(awaitPod(web, p -> PodStatuses.isTrue(p, "Ready")));
    provider.close(); // the node goes down; its tasks keep running

    emulator.get().faults().exitContainer(jobTask, "app", 0);
    emulator.get().faults().exitContainer(webTask, "app", 2);
    try (EcsClient ecs = EmulatedFargate.ecsClient(emulator)) {
      await("both tasks stopped")
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  ecs.listTasks(r -> r.cluster("default").desiredStatus(DesiredStatus.STOPPED))
                      .taskArns()
                      .size(),
              n -> n == 2);
    }
    provider = EmulatedFargate.provider(emulator, "vk-restart", EmulatedFargate.settings(emulator));

    V1Pod done = awaitPod(job, p -> PodStatuses.hasPhase(p, "Succeeded"));
    assertThat(PodStatuses.container(done, "app").orElseThrow().getState().getTerminated())
        .satisfies(t -> assertThat(t.getExitCode()).isZero());
    V1Pod restarted =
        awaitPod(
            web, p -> PodStatuses.restartCount(p, "app") == 1 && PodStatuses.isTrue(p, "Ready"));
    assertThat(
            PodStatuses.container(restarted, "app")
                .orElseThrow()
                .getLastState()
                .getTerminated()
                .getExitCode())
        .isEqualTo(2);
  }

  /** The task ID, from a container ID of the form ecs://taskId-n. */
  static String taskId(V1Pod pod) {
    String runtime =
        pod.getStatus().getContainerStatuses().get(0).getContainerID().substring("ecs://".length());
    return runtime.substring(0, runtime.lastIndexOf('-'));
  }

  private V1Pod awaitPod(V1Pod pod, Predicate<V1Pod> condition) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> provider.getPod("ns", pod.getMetadata().getName()),
            p -> p.filter(condition).isPresent())
        .orElseThrow();
  }
}
