package dev.vk.testbed.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiProxyTest {
  @TempDir Path dir;

  /** An echo server standing in for the API server. */
  private static ServerSocket echo() throws IOException {
    ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                try {
                  Socket s = server.accept();
                  Thread peer =
                      new Thread(
                          () -> {
                            try (s) {
                              s.getInputStream().transferTo(s.getOutputStream());
                            } catch (IOException e) {
                              // client went away
                            }
                          });
                  peer.setDaemon(true);
                  peer.start();
                } catch (IOException e) {
                  return;
                }
              }
            });
    t.setDaemon(true);
    t.start();
    return server;
  }

  private Path kubeconfig(int port) throws IOException {
    Path file = dir.resolve("kubeconfig");
    Files.writeString(
        file,
        """
        apiVersion: v1
        clusters:
        - cluster:
            certificate-authority: /ca.crt
            server: https://127.0.0.1:%d
          name: c
        """
            .formatted(port));
    return file;
  }

  private static String roundTrip(Socket s, String text) throws IOException {
    OutputStream out = s.getOutputStream();
    out.write(text.getBytes());
    out.flush();
    InputStream in = s.getInputStream();
    byte[] buf = in.readNBytes(text.length());
    return new String(buf);
  }

  private static int port(Path kubeconfig) throws IOException {
    String text = Files.readString(kubeconfig);
    return Integer.parseInt(text.replaceAll("(?s).*server: https://127.0.0.1:(\\d+).*", "$1"));
  }

  @Test
  void forwardsAndCutsConnectionsLikeANetwork() throws Exception {
    try (ServerSocket server = echo();
        ApiProxy proxy = ApiProxy.inFrontOf(kubeconfig(server.getLocalPort()))) {
      Path copy = proxy.kubeconfig(dir.resolve("kubeconfig"), dir.resolve("proxied"));
      assertThat(Files.readString(copy)).contains("certificate-authority: /ca.crt");
      int port = port(copy);
      assertThat(port).isNotEqualTo(server.getLocalPort());
      try (Socket old = new Socket(InetAddress.getLoopbackAddress(), port)) {
        assertThat(roundTrip(old, "hello")).isEqualTo("hello");
        proxy.blackholeOpenConnections();
        old.setSoTimeout(500);
        assertThatThrownBy(() -> roundTrip(old, "lost")).isInstanceOf(SocketTimeoutException.class);
        try (Socket fresh = new Socket(InetAddress.getLoopbackAddress(), port)) {
          assertThat(roundTrip(fresh, "new")).isEqualTo("new");
          proxy.partition();
          fresh.setSoTimeout(500);
          assertThatThrownBy(() -> roundTrip(fresh, "held"))
              .isInstanceOf(SocketTimeoutException.class);
          proxy.heal();
          fresh.setSoTimeout(5_000);
          assertThat(new String(fresh.getInputStream().readNBytes(4))).isEqualTo("held");
        }
      }
    }
  }
}
