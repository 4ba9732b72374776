package dev.vk.provider.aci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vk.emulator.aci.AciEmulator;
import dev.vk.emulator.aci.vnet.VnetOptions;
import dev.vk.kubelet.types.PodRef;
import dev.vk.kubelet.types.PortStream;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.testkit.EmulatorExtension;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1Pod;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code kubectl port-forward} to ACI pods: the node dials the group's private IP. The emulator's
 * pod network runs in this JVM on a loopback subnet, so each running group's IP echoes on its
 * ports.
 */
class AciPortForwardIT {

  private static final int PORT = 7070;

  // A loopback /24 of its own, so a concurrent run elsewhere on the machine cannot answer.
  @RegisterExtension
  static final EmulatorExtension<AciEmulator> aci =
      Emulators.extension(
          VnetOptions.inProcess("127.77." + ThreadLocalRandom.current().nextInt(256) + ".0/24"));

  private static AciProvider vnet;
  private static AciProvider publicMode;

  @BeforeAll
  static void start() throws Exception {
    vnet = Emulators.provider(aci);
    publicMode = Emulators.provider(aci, "subnet-ids", "");
  }

  @Test
  @DisplayName("1 MiB sent to a pod port comes back intact, and the client's half-close ends it")
  void roundTrip() throws Exception {
    V1Pod pod = runningWithPort(vnet);
    byte[] data = new byte[1024 * 1024];
    new Random(7).nextBytes(data);
    Client client = new Client();

    CompletableFuture<Void> done = forward(vnet, pod, client).toCompletableFuture();
    client.send(data).get(30, TimeUnit.SECONDS);

    done.get(30, TimeUnit.SECONDS);
    assertThat(client.received.toByteArray()).isEqualTo(data);
  }

  @Test
  @DisplayName("deleting the pod closes its forwarded connection")
  void podGoneClosesTheConnection() throws Exception {
    V1Pod pod = runningWithPort(vnet);
    Client client = new Client();
    CompletableFuture<Void> done = forward(vnet, pod, client).toCompletableFuture();

    vnet.deletePod(pod);

    // The pod's side closed: the client sees the end of its data (kubectl then closes its own).
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> client.outputClosed.isDone() || done.isDone());
    client.out.close();
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(done::isDone);
  }

  @Test
  @DisplayName("refused with the cause: unknown pod, pod not running, port not listening")
  void refusals() throws Exception {
    Client unused = new Client();
    assertThatThrownBy(() -> vnet.forward(PodRef.of("nowhere", "ghost"), PORT, unused))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.NOT_FOUND));

    V1Pod finished = TestPods.running("exit 0");
    finished.getSpec().setRestartPolicy("Never");
    vnet.createPod(finished);
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> "Succeeded".equals(phase(vnet, finished)));
    assertThatThrownBy(() -> forward(vnet, finished, unused))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID_INPUT))
        .hasMessageContaining("is not running");

    V1Pod pod = runningWithPort(vnet);
    assertThatThrownBy(() -> vnet.forward(ref(pod), PORT + 1, unused))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAVAILABLE))
        .hasMessageContaining("cannot connect to port " + (PORT + 1));
  }

  @Test
  @DisplayName("in public mode port-forward is refused: it needs VNet mode")
  void publicModeIsRefused() throws Exception {
    V1Pod pod = withPort(TestPods.running("sleep 600"));
    publicMode.createPod(pod);
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> "Running".equals(phase(publicMode, pod)));

    assertThatThrownBy(() -> forward(publicMode, pod, new Client()))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID_INPUT))
        .hasMessageContaining("has no private IP")
        .hasMessageContaining("VNet mode (azure-subnet-ids)");
  }

  /** A running pod whose port answers (the pod network follows the group within moments). */
  private static V1Pod runningWithPort(AciProvider provider) throws Exception {
    V1Pod pod = withPort(TestPods.running("sleep 600"));
    provider.createPod(pod);
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .ignoreExceptions()
        .until(
            () -> {
              Client probe = new Client();
              CompletableFuture<Void> done = forward(provider, pod, probe).toCompletableFuture();
              probe.send(new byte[] {1}).get(5, TimeUnit.SECONDS);
              done.get(5, TimeUnit.SECONDS);
              return probe.received.size() == 1;
            });
    return pod;
  }

  private static V1Pod withPort(V1Pod pod) {
    pod.getSpec().getContainers().get(0).addPortsItem(new V1ContainerPort().containerPort(PORT));
    return pod;
  }

  private static CompletionStage<Void> forward(AciProvider provider, V1Pod pod, Client client)
      throws ProviderException {
    return provider.forward(ref(pod), PORT, client);
  }

  private static PodRef ref(V1Pod pod) {
    return PodRef.of(pod.getMetadata().getNamespace(), pod.getMetadata().getName());
  }

  private static String phase(AciProvider provider, V1Pod pod) throws ProviderException {
    return provider
        .getPod(pod.getMetadata().getNamespace(), pod.getMetadata().getName())
        .map(p -> p.getStatus() == null ? null : p.getStatus().getPhase())
        .orElse(null);
  }

  /** The kubelet API client's side of one forwarded connection. */
  private static final class Client implements PortStream {
    final PipedOutputStream out = new PipedOutputStream();
    final PipedInputStream in;
    final ByteArrayOutputStream received = new ByteArrayOutputStream();
    final CompletableFuture<Void> outputClosed = new CompletableFuture<>();

    Client() throws IOException {
      in = new PipedInputStream(out, 64 * 1024);
    }

    /** Writes {@code data} and half-closes, as a client that has said everything. */
    CompletableFuture<Void> send(byte[] data) {
      return CompletableFuture.runAsync(
          () -> {
            try (out) {
              out.write(data);
            } catch (IOException e) {
              throw new IllegalStateException(e);
            }
          });
    }

    @Override
    public InputStream input() {
      return in;
    }

    @Override
    public OutputStream output() {
      return new OutputStream() {
        @Override
        public void write(int b) {
          received.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
          received.write(b, off, len);
        }

        @Override
        public void close() {
          outputClosed.complete(null);
        }
      };
    }
  }
}
