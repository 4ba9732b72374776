package dev.vk.provider.fargate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.vk.emulator.ecs.EcsEmulator;
import dev.vk.kubelet.types.ContainerRef;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.kubelet.types.TerminalSize;
import dev.vk.provider.fargate.FargateProvider;
import dev.vk.provider.testkit.EmulatorExtension;
import dev.vk.provider.testkit.PodStatuses;
import dev.vk.provider.testkit.Pods;
import dev.vk.provider.testkit.TestStreams;
import io.kubernetes.client.openapi.models.V1Pod;
import java.io.ByteArrayInputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** kubectl exec through ECS Exec and the emulator's session-manager data channel. */
@Timeout(60)
class ExecIT {
  @RegisterExtension final EmulatorExtension<EcsEmulator> emulator = EmulatedFargate.extension();
  private FargateProvider provider;
  private V1Pod pod;
  private ContainerRef app;

  @BeforeEach
  void start() {
    provider = EmulatedFargate.provider(emulator, "vk-exec", EmulatedFargate.settings(emulator));
  }

  @Test
  void echoPrintsToStdoutAndExitsZero() throws Exception {
    runningPod();
    TestStreams io = TestStreams.outputOnly();

    int code = exitCode(provider.exec(app, List.of("echo", "hi"), io));

    assertThat(code).isZero();
    assertThat(io.out()).isEqualTo("hi\n");
  }

  @Test
  void pipedStdinReachesCatAndItsEndEndsCat() throws Exception {
    runningPod();
    byte[] input = "hello\nworld\n".getBytes(StandardCharsets.UTF_8);
    TestStreams io = TestStreams.withStdin(new ByteArrayInputStream(input));

    int code = exitCode(provider.exec(app, List.of("cat"), io));

    assertThat(code).isZero();
    // ECS Exec always runs the command on a terminal, which echoes each input line before cat
    // prints it; its CR LF line ends come back as LF.
    assertThat(io.out()).isEqualTo("hello\nhello\nworld\nworld\n");
  }

  @Test
  void exitStatusOfTheCommandIsTheExitCode() throws Exception {
    runningPod();

    int code =
        exitCode(provider.exec(app, List.of("sh", "-c", "exit 3"), TestStreams.outputOnly()));

    assertThat(code).isEqualTo(3);
  }

  @Test
  void terminalResizeReachesTheCommand() throws Exception {
    runningPod();
    PipedOutputStream keyboard = new PipedOutputStream();
    TestStreams io = TestStreams.terminal(new PipedInputStream(keyboard), new TerminalSize(80, 24));
    var exec = provider.exec(app, List.of("sh"), io).toCompletableFuture();

    io.resize(new TerminalSize(120, 40));
    keyboard.write("stty size\r".getBytes(StandardCharsets.US_ASCII));
    keyboard.flush();
    await().atMost(Duration.ofSeconds(20)).until(() -> io.out().contains("40 120\r\n"));
    keyboard.write("exit 5\r".getBytes(StandardCharsets.US_ASCII));
    keyboard.flush();

    assertThat(exec.get(20, TimeUnit.SECONDS)).isEqualTo(5);
  }

  @Test
  void unknownPodOrContainerIsNotFound() throws Exception {
    runningPod();

    ProviderException noPod =
        catchThrowableOfType(
            ProviderException.class,
            () ->
                provider.exec(
                    ContainerRef.of("ns", "missing", "app"),
                    List.of("true"),
                    TestStreams.outputOnly()));
    ProviderException noContainer =
        catchThrowableOfType(
            ProviderException.class,
            () ->
                provider.exec(
                    ContainerRef.of("ns", pod.getMetadata().getName(), "sidecar"),
                    List.of("true"),
                    TestStreams.outputOnly()));

    assertThat(noPod.kind()).isEqualTo(ProviderException.Kind.NOT_FOUND);
    assertThat(noContainer.kind()).isEqualTo(ProviderException.Kind.NOT_FOUND);
  }

  @Test
  void aStoppedTaskIsInvalidInputSayingWhy() throws Exception {
    V1Pod running = runningPod();
    emulator
        .get()
        .faults()
        .stopTask(RestartIT.taskId(running), "UserInitiated", "stopped by the test");
    awaitPod(p -> PodStatuses.isTerminal(p));

    ProviderException error =
        catchThrowableOfType(
            ProviderException.class,
            () -> provider.exec(app, List.of("echo", "hi"), TestStreams.outputOnly()));

    assertThat(error.kind()).isEqualTo(ProviderException.Kind.INVALID_INPUT);
    assertThat(error.getMessage()).contains("not running").contains("STOPPED");
  }

  /** A pod whose container runs until stopped, once it is ready. */
  private V1Pod runningPod() throws Exception {
    pod = Pods.pod("ns", Pods.uniqueName("exec"));
    pod.getSpec().setRestartPolicy("Never");
    provider.createPod(pod);
    app = ContainerRef.of("ns", pod.getMetadata().getName(), "app");
    return awaitPod(p -> PodStatuses.isTrue(p, "Ready"));
  }

  private V1Pod awaitPod(Predicate<V1Pod> condition) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> provider.getPod("ns", pod.getMetadata().getName()),
            p -> p.filter(condition).isPresent())
        .orElseThrow();
  }

  private static int exitCode(java.util.concurrent.CompletionStage<Integer> exec) throws Exception {
    return exec.toCompletableFuture().get(20, TimeUnit.SECONDS);
  }
}
