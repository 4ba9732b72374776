package dev.vk.provider.aci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vk.emulator.aci.AciEmulator;
import dev.vk.kubelet.types.ContainerRef;
import dev.vk.kubelet.types.LogLine;
import dev.vk.kubelet.types.LogOptions;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.testkit.EmulatorExtension;
import dev.vk.provider.testkit.TestStreams;
import dev.vk.provider.testkit.Volumes;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Logs (tail, follow) and exec over ACI's WebSocket, against the emulator. */
class LogsAndExecIT {

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

    Collected logs = collect(ref(pod), options(OptionalLong.empty(), true));

    logs.done.get(30, TimeUnit.SECONDS);
    assertThat(logs.texts()).containsExactly("one", "two", "three");
    assertThat(logs.lines.get(0).timestamp()).isAfter(created.minusSeconds(5));
    assertThat(logs.lines.get(2).timestamp()).isAfter(logs.lines.get(0).timestamp());
  }

  @Test
  void tailKeepsTheNewestLines() throws Exception {
    V1Pod pod = TestPods.running("echo a; echo b; echo c; sleep 600");
    provider.createPod(pod);
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> collect(ref(pod), options(OptionalLong.empty(), false)).await().size() == 3);

    assertThat(collect(ref(pod), options(OptionalLong.of(2), false)).await())
        .containsExactly("b", "c");
  }

  @Test
  void sinceTimeAndSinceSecondsSkipOlderLines() throws Exception {
    V1Pod pod = TestPods.running("echo early; sleep 1; echo late; sleep 600");
    provider.createPod(pod);
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> collect(ref(pod), options(OptionalLong.empty(), false)).await().size() == 2);
    List<LogLine> all = collect(ref(pod), options(OptionalLong.empty(), false)).awaitLines();
    Instant late = all.get(1).timestamp();
    assertThat(late).isAfter(all.get(0).timestamp());

    assertThat(collect(ref(pod), LogOptions.DEFAULTS.since(late)).await()).containsExactly("late");
    assertThat(collect(ref(pod), LogOptions.DEFAULTS.since(Duration.ofHours(1))).await())
        .containsExactly("early", "late");
    // Once "late" is over a second old, --since=1s shows nothing.
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                collect(ref(pod), LogOptions.DEFAULTS.since(Duration.ofSeconds(1)))
                    .await()
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

  private static Collected collect(ContainerRef ref, LogOptions options) throws ProviderException {
    Collected c = new Collected();
    provider.logs(ref, options).subscribe(c);
    return c;
  }

  /** Collects a log publisher's lines and its end. */
  private static final class Collected implements Flow.Subscriber<LogLine> {
    final List<LogLine> lines = new CopyOnWriteArrayList<>();
    final CompletableFuture<Void> done = new CompletableFuture<>();

    @Override
    public void onSubscribe(Flow.Subscription s) {
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(LogLine line) {
      lines.add(line);
    }

    @Override
    public void onError(Throwable t) {
      done.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      done.complete(null);
    }

    List<String> texts() {
      return lines.stream()
          .map(l -> new String(l.content(), StandardCharsets.UTF_8).strip())
          .toList();
    }

    List<LogLine> awaitLines() throws Exception {
      done.get(10, TimeUnit.SECONDS);
      return lines;
    }

    List<String> await() throws Exception {
      done.get(10, TimeUnit.SECONDS);
      return texts();
    }
  }
}
