package dev.vk.provider.aci.portforward;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.kubelet.types.PortStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Closing on either side of a forwarded connection: half-closes cross over, a cancel closes. */
class TcpSpliceTest {

  private final ServerSocket pod = listen();
  private final PipedOutputStream clientOut = new PipedOutputStream();
  private final CompletableFuture<Void> clientOutputClosed = new CompletableFuture<>();
  private final ByteArrayOutputStream received = new ByteArrayOutputStream();

  @AfterEach
  void close() throws IOException {
    pod.close();
  }

  @Test
  void thePodsHalfCloseEndsTheClientsStreamWhileTheClientMayStillSend() throws Exception {
    CompletableFuture<Void> done = splice();
    try (Socket accepted = pod.accept()) {
      accepted.getOutputStream().write("bye".getBytes(StandardCharsets.UTF_8));
      accepted.shutdownOutput();
      clientOutputClosed.get(10, TimeUnit.SECONDS);
      assertThat(received.toString(StandardCharsets.UTF_8)).isEqualTo("bye");

      clientOut.write("late".getBytes(StandardCharsets.UTF_8));
      clientOut.close();

      assertThat(new String(accepted.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("late");
    }
    done.get(10, TimeUnit.SECONDS);
  }

  @Test
  void cancellingTheConnectionClosesItAtThePod() throws Exception {
    CompletableFuture<Void> done = splice();
    try (Socket accepted = pod.accept()) {
      accepted.setSoTimeout(10_000);

      done.cancel(true); // the kubectl client went away

      assertThat(readOrReset(accepted.getInputStream())).isEqualTo(-1);
    }
  }

  private CompletableFuture<Void> splice() throws IOException {
    Socket socket = new Socket(pod.getInetAddress(), pod.getLocalPort());
    PipedInputStream clientIn = new PipedInputStream(clientOut, 1024);
    PortStream stream =
        new PortStream() {
          @Override
          public InputStream input() {
            return clientIn;
          }

          @Override
          public OutputStream output() {
            return new OutputStream() {
              @Override
              public void write(int b) {
                received.write(b);
              }

              @Override
              public void close() {
                clientOutputClosed.complete(null);
              }
            };
          }
        };
    return TcpSplice.start(socket, stream, "test");
  }

  private static int readOrReset(InputStream in) {
    try {
      return in.read();
    } catch (IOException reset) {
      return -1;
    }
  }

  private static ServerSocket listen() {
    try {
      return new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
