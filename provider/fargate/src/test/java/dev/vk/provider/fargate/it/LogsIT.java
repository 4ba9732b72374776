package dev.vk.provider.fargate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.vk.emulator.ecs.EcsEmulator;
import dev.vk.kubelet.types.ContainerRef;
import dev.vk.kubelet.types.LogOptions;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.fargate.FargateProvider;
import dev.vk.provider.testkit.EmulatorExtension;
import dev.vk.provider.testkit.PodStatuses;
import dev.vk.provider.testkit.Pods;
import dev.vk.provider.testkit.RecordingLogSubscriber;
import dev.vk.provider.testkit.TestStreams;
import io.kubernetes.client.openapi.models.V1Pod;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** kubectl logs against CloudWatch Logs in the emulator. */
@Timeout(60)
class LogsIT {
  @RegisterExtension final EmulatorExtension<EcsEmulator> emulator = EmulatedFargate.extension();
  private FargateProvider provider;

  @BeforeEach
  void start() {
    provider = EmulatedFargate.provider(emulator, "vk-logs", EmulatedFargate.settings(emulator));
  }

  @Test
  void followStreamsNewLinesAndCompletesWhenTheTaskStops() throws Exception {
    V1Pod pod = pod("sh", "-c", "echo one; echo two; sleep 2; echo three");
    ContainerRef ref = ContainerRef.of("ns", pod.getMetadata().getName(), "app");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                provider
                    .getPod("ns", pod.getMetadata().getName())
                    .filter(p -> PodStatuses.isTrue(p, "Ready"))
                    .isPresent());

    RecordingLogSubscriber follow =
        RecordingLogSubscriber.everything(provider.logs(ref, options(OptionalLong.empty(), true)));

    assertThat(follow.awaitTexts(Duration.ofSeconds(30))).containsExactly("one", "two", "three");
  }

  @Test
  void tailReturnsTheLastLinesOfThisTaskOnly() throws Exception {
    V1Pod pod = pod("sh", "-c", "echo a; echo b; echo c");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                provider
                    .getPod("ns", pod.getMetadata().getName())
                    .filter(p -> PodStatuses.hasPhase(p, "Succeeded"))
                    .isPresent());
    ContainerRef ref = ContainerRef.of("ns", pod.getMetadata().getName(), "app");

    RecordingLogSubscriber tail =
        RecordingLogSubscriber.everything(provider.logs(ref, options(OptionalLong.of(2), false)));

    assertThat(tail.awaitTexts(Duration.ofSeconds(10))).containsExactly("b", "c");
  }

  @Test
  void attachShowsWhatTheMainProcessWritesFromNowUntilItStops() throws Exception {
    V1Pod pod = pod("sh", "-c", "echo before; sleep 3; echo after; sleep 1; echo end");
    ContainerRef ref = ContainerRef.of("ns", pod.getMetadata().getName(), "app");
    await("the first line in CloudWatch")
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              return RecordingLogSubscriber.everything(
                      provider.logs(ref, options(OptionalLong.empty(), false)))
                  .awaitTexts(Duration.ofSeconds(10))
                  .contains("before");
            });
    TestStreams io = TestStreams.outputOnly();

    provider.attach(ref, io).toCompletableFuture().get(30, TimeUnit.SECONDS);

    assertThat(io.out()).isEqualTo("after\nend\n");
  }

  @Test
  void attachWithStdinIsRefusedNamingTheLimit() throws Exception {
    V1Pod pod = pod("sleep", "600");
    ContainerRef ref = ContainerRef.of("ns", pod.getMetadata().getName(), "app");

    assertThatThrownBy(
            () ->
                provider.attach(ref, TestStreams.withStdin(new ByteArrayInputStream(new byte[0]))))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID_INPUT))
        .hasMessageContaining("ECS cannot write to a task's main process");
  }

  private V1Pod pod(String... command) throws Exception {
    V1Pod pod =
        Pods.pod("ns", Pods.uniqueName("logs"), Pods.container("app").command(List.of(command)));
    pod.getSpec().setRestartPolicy("Never");
    provider.createPod(pod);
    return pod;
  }

  private static LogOptions options(OptionalLong tail, boolean follow) {
    LogOptions options = follow ? LogOptions.DEFAULTS.following() : LogOptions.DEFAULTS;
    return tail.isPresent() ? options.tail(tail.getAsLong()) : options;
  }
}
