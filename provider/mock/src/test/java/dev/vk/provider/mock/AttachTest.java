package dev.vk.provider.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.testkit.Pods;
import dev.vk.provider.testkit.TestStreams;
import io.kubernetes.client.openapi.models.V1Pod;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code kubectl attach}: the main process's new output, and stdin echoed. */
class AttachTest extends MockProviderFixture {

  @Test
  @DisplayName("new log lines and echoed stdin reach stdout; the end of stdin ends the session")
  void streams() throws Exception {
    start(Pods.pod("ns", "web"), Duration.ofSeconds(3));
    PipedOutputStream keyboard = new PipedOutputStream();
    TestStreams io = TestStreams.withStdin(new PipedInputStream(keyboard));

    CompletableFuture<Void> attached = provider.attach(APP, io).toCompletableFuture();
    clock.advance(Duration.ofSeconds(1));
    await().until(() -> io.out().equals("2026-01-01T00:00:04Z app line 3\n"));
    keyboard.write("hello\n".getBytes(StandardCharsets.UTF_8));
    keyboard.flush();
    await().until(() -> io.out().endsWith("hello\n"));
    keyboard.close();

    attached.get(10, TimeUnit.SECONDS);
    assertThat(io.out()).doesNotContain("line 2"); // only output from the attach on
    await().until(() -> provider.runningLogReaders() == 0);
  }

  @Test
  @DisplayName("without stdin the session ends when the container exits")
  void endsOnExit() throws Exception {
    V1Pod pod = Pods.pod("ns", "web");
    pod.getSpec().setRestartPolicy("Never");
    pod.getMetadata().putAnnotationsItem("mock.vk.dev/exit-after", "3s");
    start(pod, Duration.ofMillis(1500));

    CompletableFuture<Void> attached =
        provider.attach(APP, TestStreams.outputOnly()).toCompletableFuture();
    assertThat(attached).isNotDone();
    clock.advance(Duration.ofSeconds(5));

    attached.get(10, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("attaching to a container that is not running fails like exec")
  void notRunning() throws Exception {
    provider.createPod(Pods.pod("ns", "web"));

    ContainerLogsTest.assertFails(
        () -> provider.attach(APP, TestStreams.outputOnly()),
        ProviderException.Kind.INVALID_INPUT,
        "container \"app\" in pod \"web\" is not running");
  }
}
