package dev.vk.provider.aci.exec;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.kubelet.types.ProviderException.Kind;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;

/**
 * Opens ACI exec and attach WebSockets with bounded waits: connecting, the TLS and WebSocket
 * handshakes and the first message each end within the timeout, so a silent endpoint fails the call
 * (UNAVAILABLE, retrying may work) instead of holding a thread and the client forever.
 */
final class WebSocketOpener {
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http;
  private final Duration timeout;

  WebSocketOpener(SSLContext ssl, Duration timeout) {
    this.http = HttpClient.newBuilder().sslContext(ssl).connectTimeout(timeout).build();
    this.timeout = timeout;
  }

  /** Opens a WebSocket; blocks up to the timeout. */
  WebSocket open(URI uri, WebSocket.Listener listener, Map<String, String> headers)
      throws ProviderException {
    WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(timeout);
    headers.forEach(builder::header);
    return await(
        builder.buildAsync(uri, listener), "open the ACI session WebSocket at " + uri.getHost());
  }

  /** Sends one text message; blocks up to the timeout. */
  void sendText(WebSocket ws, String text) throws ProviderException {
    await(ws.sendText(text, true), "start the ACI session");
  }

  private <T> T await(CompletableFuture<T> pending, String what) throws ProviderException {
    try {
      return pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw new ProviderException(
          Kind.UNAVAILABLE, "could not " + what + " within " + timeout.toSeconds() + "s", e);
    } catch (ExecutionException e) {
      throw new ProviderException(
          Kind.UNAVAILABLE, "could not " + what + ": " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderException(Kind.UNAVAILABLE, "interrupted while trying to " + what, e);
    }
  }
}
