package dev.vk.provider.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.kubelet.types.PodRef;
import dev.vk.kubelet.types.PortStream;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.testkit.Pods;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code kubectl port-forward}: every port of a running pod echoes. */
class PortForwardTest extends MockProviderFixture {

  @Test
  @DisplayName("10 MiB sent through a forwarded port come back intact, then the stream ends")
  void echoes() throws Exception {
    start(Pods.pod("ns", "web"), Duration.ofSeconds(2));
    byte[] data = new byte[10 * 1024 * 1024];
    new Random(42).nextBytes(data);
    PipedOutputStream client = new PipedOutputStream();
    PipedInputStream input = new PipedInputStream(client, 64 * 1024);
    ByteArrayOutputStream received = new ByteArrayOutputStream();

    CompletableFuture<Void> done =
        provider
            .forward(PodRef.of("ns", "web"), 8080, stream(input, received))
            .toCompletableFuture();
    CompletableFuture<Void> sent =
        CompletableFuture.runAsync(
            () -> {
              try (client) {
                client.write(data);
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            });

    sent.get(30, TimeUnit.SECONDS);
    done.get(30, TimeUnit.SECONDS);
    assertThat(received.toByteArray()).isEqualTo(data);
  }

  @Test
  @DisplayName("unknown and not yet running pods fail NOT_FOUND")
  void notRunning() throws Exception {
    provider.createPod(Pods.pod("ns", "web"));
    PortStream unused = stream(InputStream.nullInputStream(), new ByteArrayOutputStream());

    ContainerLogsTest.assertFails(
        () -> provider.forward(PodRef.of("ns", "ghost"), 80, unused),
        ProviderException.Kind.NOT_FOUND,
        "pod \"ns/ghost\" not found");
    ContainerLogsTest.assertFails(
        () -> provider.forward(PodRef.of("ns", "web"), 80, unused),
        ProviderException.Kind.NOT_FOUND,
        "pod \"ns/web\" is not running (phase Pending)");
  }

  private static PortStream stream(InputStream in, OutputStream out) {
    return new PortStream() {
      @Override
      public InputStream input() {
        return in;
      }

      @Override
      public OutputStream output() {
        return out;
      }
    };
  }
}
