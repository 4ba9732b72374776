package dev.vk.provider.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vk.kubelet.types.ContainerRef;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.kubelet.types.TerminalSize;
import dev.vk.provider.testkit.Pods;
import dev.vk.provider.testkit.TestStreams;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1EnvVarSource;
import io.kubernetes.client.openapi.models.V1ObjectFieldSelector;
import io.kubernetes.client.openapi.models.V1Pod;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code kubectl exec} into simulated containers. */
class ExecTest extends MockProviderFixture {

  @Test
  @DisplayName("a command's output reaches stdout and its status the stage")
  void runsCommand() throws Exception {
    running(Pods.pod("ns", "web"));
    TestStreams io = TestStreams.outputOnly();

    int status =
        provider
            .exec(APP, List.of("sh", "-c", "echo hi; nope; exit 3"), io)
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);

    assertThat(status).isEqualTo(3);
    assertThat(io.out()).isEqualTo("hi\n");
    assertThat(io.err()).isEqualTo("sh: nope: not found\n");
  }

  @Test
  @DisplayName("env shows HOSTNAME and the container's env from the pod spec")
  void environment() throws Exception {
    V1Pod pod = Pods.pod("ns", "web");
    pod.getSpec()
        .getContainers()
        .get(0)
        .addEnvItem(new V1EnvVar().name("MODE").value("test"))
        .addEnvItem(
            new V1EnvVar()
                .name("UNRESOLVED")
                .valueFrom(
                    new V1EnvVarSource()
                        .fieldRef(new V1ObjectFieldSelector().fieldPath("status.podIP"))));
    running(pod);
    TestStreams io = TestStreams.outputOnly();

    provider.exec(APP, List.of("env"), io).toCompletableFuture().get(10, TimeUnit.SECONDS);

    assertThat(io.out().lines())
        .contains("HOSTNAME=web", "MODE=test", "HOME=/root")
        .noneMatch(line -> line.startsWith("UNRESOLVED="));
  }

  @Test
  @DisplayName("stdin reaches the command, and the terminal size stty size")
  void stdinAndTerminal() throws Exception {
    running(Pods.pod("ns", "web"));
    TestStreams io =
        TestStreams.terminal(
            new ByteArrayInputStream("stty size\rexit\r".getBytes(StandardCharsets.UTF_8)),
            new TerminalSize(120, 40));

    int status =
        provider.exec(APP, List.of("sh"), io).toCompletableFuture().get(10, TimeUnit.SECONDS);

    assertThat(status).isZero();
    assertThat(io.out()).isEqualTo("# stty size\r\n40 120\r\n# exit\r\n");
  }

  @Test
  @DisplayName("cancelling the stage stops a running command")
  void cancelStops() throws Exception {
    running(Pods.pod("ns", "web"));
    TestStreams io = TestStreams.outputOnly();
    CompletableFuture<Integer> status =
        provider.exec(APP, List.of("sh", "-c", "sleep 3600; echo after"), io).toCompletableFuture();
    await().until(() -> provider.busyWorkers() == 1);

    status.cancel(true);

    await().until(() -> provider.busyWorkers() == 0);
    assertThat(io.out()).isEmpty();
  }

  @Test
  @DisplayName("a container that is not running refuses exec like the kubelet")
  void notRunning() throws Exception {
    V1Pod pod = Pods.pod("ns", "web");
    pod.getSpec().setRestartPolicy("Never");
    pod.getMetadata().putAnnotationsItem("mock.vk.dev/exit-after", "2s");
    provider.createPod(pod);

    ContainerLogsTest.assertFails(
        () -> provider.exec(APP, List.of("true"), TestStreams.outputOnly()),
        ProviderException.Kind.INVALID_INPUT,
        "container \"app\" in pod \"web\" is not running"); // Pending
    clock.advance(Duration.ofSeconds(5));
    ContainerLogsTest.assertFails(
        () -> provider.exec(APP, List.of("true"), TestStreams.outputOnly()),
        ProviderException.Kind.INVALID_INPUT,
        "container \"app\" in pod \"web\" is not running"); // exited
    ContainerLogsTest.assertFails(
        () ->
            provider.exec(
                ContainerRef.of("ns", "gone", "app"), List.of("true"), TestStreams.outputOnly()),
        ProviderException.Kind.NOT_FOUND,
        "pod \"ns/gone\" not found");
  }

  private void running(V1Pod pod) throws ProviderException {
    start(pod, Duration.ofSeconds(2));
  }
}
