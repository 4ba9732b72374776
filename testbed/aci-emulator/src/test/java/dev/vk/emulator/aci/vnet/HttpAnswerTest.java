package dev.vk.emulator.aci.vnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Port 80 of a group answers an HTTP request, so curl to a pod IP shows a page. */
class HttpAnswerTest {

  @Test
  void anHttpRequestGetsA200NamingTheAddress() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Void> served =
          CompletableFuture.runAsync(
              () -> {
                try (Socket s = server.accept()) {
                  HttpAnswer.serve(s, "10.1.0.4");
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      try (Socket client = new Socket(server.getInetAddress(), server.getLocalPort())) {
        client
            .getOutputStream()
            .write("GET / HTTP/1.1\r\nHost: 10.1.0.4\r\n\r\n".getBytes(StandardCharsets.UTF_8));

        String response =
            new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(response)
            .startsWith("HTTP/1.1 200 OK\r\n")
            .contains("Connection: close")
            .endsWith("\r\n\r\ncontainer group 10.1.0.4:80 (ACI emulator pod network)\n");
      }
      served.get(10, TimeUnit.SECONDS);
    }
  }
}
