package dev.vk.provider.aci.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.kubelet.types.ProviderException.Kind;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An ACI session endpoint that accepts connections and then says nothing. */
@Timeout(30)
class WebSocketOpenerTest {
  private final ServerSocket silent = silentServer();
  private final List<Socket> accepted = new CopyOnWriteArrayList<>();

  private ServerSocket silentServer() {
    try {
      ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  while (true) {
                    accepted.add(server.accept());
                  }
                } catch (java.io.IOException e) {
                  // closed
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      return server;
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void close() throws Exception {
    silent.close();
    for (Socket s : accepted) {
      s.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ws", "wss"})
  @DisplayName("a silent endpoint fails the open after the timeout, as UNAVAILABLE")
  void handshakeTimeout(String scheme) throws Exception {
    WebSocketOpener opener = new WebSocketOpener(SSLContext.getDefault(), Duration.ofSeconds(1));
    URI uri = URI.create(scheme + "://127.0.0.1:" + silent.getLocalPort() + "/exec");
    assertThatThrownBy(() -> opener.open(uri, new WebSocket.Listener() {}, Map.of()))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
              assertThat(e.retriable()).isTrue();
            })
        .hasMessageContaining("could not open the ACI session WebSocket at 127.0.0.1");
  }
}
