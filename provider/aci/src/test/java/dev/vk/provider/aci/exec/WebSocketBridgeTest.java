package dev.vk.provider.aci.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vk.kubelet.types.ProviderException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.net.SocketException;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * How an ACI session's end reaches the caller: a close is an end, a broken connection a failure.
 */
class WebSocketBridgeTest {
  private final AtomicInteger aborts = new AtomicInteger();

  /** Counts aborts; every other call of the socket does nothing. */
  private final WebSocket socket =
      (WebSocket)
          Proxy.newProxyInstance(
              WebSocket.class.getClassLoader(),
              new Class<?>[] {WebSocket.class},
              (proxy, method, args) -> {
                if (method.getName().equals("abort")) {
                  aborts.incrementAndGet();
                }
                return null;
              });

  @Test
  @DisplayName("ACI closing the session ends it, with the output written")
  void closeEnds() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    WebSocketBridge bridge = new WebSocketBridge(Optional.of(out));

    bridge.onText(socket, "# echo hi\r\nhi\r\n", true);
    bridge.onClose(socket, WebSocket.NORMAL_CLOSURE, "");

    assertThat(bridge.ended()).isCompleted();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("# echo hi\r\nhi\r\n");
  }

  @Test
  @DisplayName("a connection reset before ACI's close fails the session: its output may be cut off")
  void resetFails() {
    WebSocketBridge bridge = new WebSocketBridge(Optional.of(new ByteArrayOutputStream()));
    bridge.onText(socket, "# ec", true);

    bridge.onError(socket, new SocketException("Connection reset"));

    assertThatThrownBy(() -> bridge.ended().join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAVAILABLE))
        .hasMessageContaining("broke before ACI closed it")
        .hasMessageContaining("Connection reset");
  }

  @Test
  @DisplayName(
      "a client that went away ends the session without a failure, and the socket is aborted")
  void clientGoneEnds() {
    OutputStream broken =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("client gone");
          }
        };
    WebSocketBridge bridge = new WebSocketBridge(Optional.of(broken));

    bridge.onText(socket, "output", true);
    bridge.onError(socket, new IOException("aborted"));

    assertThat(aborts).hasValue(1);
    assertThat(bridge.ended()).isCompleted();
    assertThat(bridge.ended().isCompletedExceptionally()).isFalse();
  }
}
