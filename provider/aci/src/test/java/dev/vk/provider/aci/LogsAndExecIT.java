package dev.vk.provider.aci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vk.emulator.aci.AciEmulator;
import dev.vk.kubelet.types.ContainerRef;
import dev.vk.kubelet.types.LogLine;
import dev.vk.kubelet.types.LogOptions;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.testkit.EmulatorExtension;
import dev.vk.provider.testkit.RecordingLogSubscriber;
import dev.vk.provider.testkit.TestStreams;
import dev.vk.provider.testkit.Volumes;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Logs (tail, follow) and exec over ACI's WebSocket, against the emulator. */
class LogsAndExecIT {
  private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

  @RegisterExtension static final EmulatorExtension<AciEmulator> aci = Emulators.extension();
  private static AciProvider provider;

  @BeforeAll
  static void start() throws Exception {
    provider = Emulators.provider(aci);
  }

  @Test
  void followEmitsEachLineOnceAndEndsWhenTheContainerExits() throws Exception {
    V1Pod pod = TestPods.running("echo one; sleep 1; echo two; sleep 1; echo three; exit 0");
    pod.getSpec().setRestartPolicy("Never");
    provider.createPod(pod);
    Instant created = Instant.now();

    RecordingLogSubscriber logs = collect(ref(pod), options(OptionalLong.empty(), true));

    List<LogLine> lines = logs.awaitLines(Duration.ofSeconds(30));
    assertThat(logs.texts()).containsExactly("one", "two", "three");
    assertThat(lines.get(0).timestamp()).isAfter(created.minusSeconds(5));
    assertThat(lines.get(2).timestamp()).isAfter(lines.get(0).timestamp());
  }

  @Test
  void tailKeepsTheNewestLines() throws Exception {
    V1Pod pod = TestPods.running("echo a; echo b; echo c; sleep 600");
    provider.createPod(pod);
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                collect(ref(pod), options(OptionalLong.empty(), false))
                        .awaitTexts(TEN_SECONDS)
                        .size()
                    == 3);

    assertThat(collect(ref(pod), options(OptionalLong.of(2), false)).awaitTexts(TEN_SECONDS))
        .containsExactly("b", "c");
  }

  @Test
  void sinceTimeAndSinceSecondsSkipOlderLines() throws Exception {
    V1Pod pod = TestPods.running("echo early; sleep 1; echo late; sleep 600");
    provider.createPod(pod);
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                collect(ref(pod), options(OptionalLong.empty(), false))
                        .awaitTexts(TEN_SECONDS)
                        .size()
                    == 2);
    List<LogLine> all =
        collect(ref(pod), options(OptionalLong.empty(), false)).awaitLines(TEN_SECONDS);
    Instant late = all.get(1).timestamp();
    assertThat(late).isAfter(all.get(0).timestamp());

    assertThat(collect(ref(pod), LogOptions.DEFAULTS.since(late)).awaitTexts(TEN_SECONDS))
        .containsExactly("late");
    assertThat(
            collect(ref(pod), LogOptions.DEFAULTS.since(Duration.ofHours(1)))
                .awaitTexts(TEN_SECONDS))
        .containsExactly("early", "late");
    // Once "late" is over a second old, --since=1s shows nothing.
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                collect(ref(pod), LogOptions.DEFAULTS.since(Duration.ofSeconds(1)))
                    .awaitTexts(TEN_SECONDS)
                    .isEmpty());
  }

  @Test
  void execRunsAShellFedFromStdin() throws Exception {
    V1Pod pod = TestPods.sleeper();
    provider.createPod(pod);
    awaitRunning(pod);
    TestStreams io = TestStreams.terminal("echo hi\nexit\n");

    Integer code =
        provider
            .exec(ref(pod), List.of("/bin/sh"), io)
            .toCompletableFuture()
            .get(20, TimeUnit.SECONDS);

    assertThat(io.out()).contains("hi\r\n");
    assertThat(code).isZero();
  }

  @Test
  void execSeesProjectedFilesInTheMountedSecretVolume() throws Exception {
    V1Pod pod = TestPods.sleeper();
    // As the API server adds it; without a Kubernetes API only the namespace file is written.
    pod.getSpec().addVolumesItem(Volumes.kubeApiAccess("podinfo"));
    pod.getSpec()
        .getContainers()
        .get(0)
        .addVolumeMountsItem(
            new V1VolumeMount().name("podinfo").mountPath("/etc/podinfo").readOnly(true));
    provider.createPod(pod);
    awaitRunning(pod);
    TestStreams io = TestStreams.terminal("cat /etc/podinfo/namespace\nexit\n");

    provider.exec(ref(pod), List.of("/bin/sh"), io).toCompletableFuture().get(20, TimeUnit.SECONDS);

    assertThat(io.out()).contains(pod.getMetadata().getNamespace());
  }

  @Test
  void execWithArgumentsIsRefusedNamingTheLimit() throws Exception {
    V1Pod pod = TestPods.sleeper();
    provider.createPod(pod);

    assertThatThrownBy(
            () -> provider.exec(ref(pod), List.of("sh", "-c", "echo hi"), TestStreams.terminal("")))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID_INPUT))
        .hasMessageContaining("single command without arguments");
  }

  @Test
  void attachStreamsTheMainProcessOutputAndRefusesStdin() throws Exception {
    V1Pod pod = TestPods.running("echo a; sleep 1; echo b; sleep 1; echo c; sleep 600");
    provider.createPod(pod);
    awaitRunning(pod);
    assertThatThrownBy(() -> provider.attach(ref(pod), TestStreams.terminal("")))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID_INPUT))
        .hasMessageContaining("output only");
    TestStreams io = TestStreams.terminalOutputOnly();

    provider.attach(ref(pod), io);

    Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> io.out().contains("c"));
  }

  private static void awaitRunning(V1Pod pod) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                provider
                    .getPod(pod.getMetadata().getNamespace(), pod.getMetadata().getName())
                    .map(p -> p.getStatus().getPhase())
                    .orElse(""),
            "Running"::equals);
  }

  private static ContainerRef ref(V1Pod pod) {
    return ContainerRef.of(pod.getMetadata().getNamespace(), pod.getMetadata().getName(), "app");
  }

  private static LogOptions options(OptionalLong tail, boolean follow) {
    LogOptions options = follow ? LogOptions.DEFAULTS.following() : LogOptions.DEFAULTS;
    return tail.isPresent() ? options.tail(tail.getAsLong()) : options;
  }

  private static RecordingLogSubscriber collect(ContainerRef ref, LogOptions options)
      throws ProviderException {
    return RecordingLogSubscriber.everything(provider.logs(ref, options));
  }
}
