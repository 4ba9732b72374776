package dev.vk.provider.fargate.portforward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.vk.kubelet.types.ProviderException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The direct path against a loopback server standing in for the task's port. */
@Timeout(30)
class DirectForwardTest {
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final DirectForward direct = new DirectForward(threads, Duration.ofSeconds(5));

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  @Test
  void halfCloseFromTheClientReachesThePortWhichStillAnswers() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      // Reads the whole request (to end-of-stream), then answers and closes.
      CompletableFuture<String> seen =
          CompletableFuture.supplyAsync(
              () -> {
                try (Socket s = server.accept()) {
                  String request = new String(readAll(s.getInputStream()), StandardCharsets.UTF_8);
                  s.getOutputStream().write(("got " + request).getBytes(StandardCharsets.UTF_8));
                  return request;
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              },
              threads);
      TestConnection client = new TestConnection();

      CompletableFuture<Void> forward = direct.forward("127.0.0.1", server.getLocalPort(), client);
      client.send("hello");
      client.endInput();

      forward.get(10, TimeUnit.SECONDS);
      assertThat(seen.get(10, TimeUnit.SECONDS)).isEqualTo("hello");
      assertThat(client.received()).isEqualTo("got hello");
      assertThat(client.outputClosed()).isTrue();
    }
  }

  @Test
  void thePortClosingEndsTheClientsStreamWhileTheClientStillSends() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      threads.execute(
          () -> {
            try (Socket s = server.accept()) {
              s.getOutputStream().write("bye".getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
              throw new IllegalStateException(e);
            }
          });
      TestConnection client = new TestConnection();

      CompletableFuture<Void> forward = direct.forward("127.0.0.1", server.getLocalPort(), client);

      await().atMost(Duration.ofSeconds(10)).until(client::outputClosed);
      assertThat(client.received()).isEqualTo("bye");
      assertThat(forward).isNotDone(); // the client's direction is still open
      client.endInput();
      await().atMost(Duration.ofSeconds(10)).until(forward::isDone);
    }
  }

  @Test
  void cancellingTheForwardClosesTheConnectionToThePort() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Integer> portRead =
          CompletableFuture.supplyAsync(
              () -> {
                try (Socket s = server.accept()) {
                  return s.getInputStream().read();
                } catch (IOException e) {
                  return -2;
                }
              },
              threads);
      TestConnection client = new TestConnection();
      CompletableFuture<Void> forward = direct.forward("127.0.0.1", server.getLocalPort(), client);

      forward.cancel(true);

      assertThat(portRead.get(10, TimeUnit.SECONDS)).isEqualTo(-1);
    }
  }

  @Test
  void nothingListeningIsUnavailableNamingTheAddress() throws Exception {
    int port;
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = closed.getLocalPort();
    }

    ProviderException error =
        catchThrowableOfType(
            ProviderException.class, () -> direct.forward("127.0.0.1", port, new TestConnection()));

    assertThat(error.kind()).isEqualTo(ProviderException.Kind.UNAVAILABLE);
    assertThat(error.getMessage()).contains("127.0.0.1:" + port);
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(out);
    return out.toByteArray();
  }
}
