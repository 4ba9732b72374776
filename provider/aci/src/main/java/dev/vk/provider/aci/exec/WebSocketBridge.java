package dev.vk.provider.aci.exec;

import dev.vk.kubelet.types.ProviderException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Copies an ACI exec or attach WebSocket to a client's streams: every incoming frame (text or
 * binary; stdout and stderr arrive merged, terminal style) to stdout, and stdin to binary frames.
 * At the end of stdin Ctrl-D is sent, which is how a terminal says end-of-input (ACI sessions are
 * terminals). The session ends when the server closes or the client's stdout fails, and fails when
 * the connection breaks: output that was under way is lost then, so the caller must not take the
 * session for a complete one.
 */
final class WebSocketBridge implements WebSocket.Listener {

  static final byte CTRL_D = 0x04;

  private final Optional<OutputStream> stdout;
  private final CompletableFuture<Void> ended = new CompletableFuture<>();

  WebSocketBridge(Optional<OutputStream> stdout) {
    this.stdout = stdout;
  }

  CompletableFuture<Void> ended() {
    return ended;
  }

  @Override
  public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
    write(ws, data.toString().getBytes(StandardCharsets.UTF_8));
    return null;
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
    byte[] bytes = new byte[data.remaining()];
    data.get(bytes);
    write(ws, bytes);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
    ended.complete(null);
    return null;
  }

  @Override
  public void onError(WebSocket ws, Throwable error) {
    ended.completeExceptionally(
        new ProviderException(
            ProviderException.Kind.UNAVAILABLE,
            "the ACI session's WebSocket broke before ACI closed it: " + error,
            error));
  }

  /** Copies stdin to the socket until it ends; blocks on stdin. Runs on its own thread. */
  void pumpStdin(WebSocket ws, InputStream in) {
    byte[] buffer = new byte[512];
    try {
      for (int n = in.read(buffer); n >= 0 && !ended.isDone(); n = in.read(buffer)) {
        ws.sendBinary(ByteBuffer.wrap(Arrays.copyOf(buffer, n)), true).join();
      }
      if (!ended.isDone()) {
        ws.sendBinary(ByteBuffer.wrap(new byte[] {CTRL_D}), true).join();
      }
    } catch (IOException | RuntimeException e) {
      // The client or the socket went away: nothing more to send.
    }
  }

  private void write(WebSocket ws, byte[] bytes) {
    try {
      if (stdout.isPresent()) {
        stdout.get().write(bytes);
        stdout.get().flush();
      }
      ws.request(1);
    } catch (IOException e) {
      ended.complete(null); // the client went away: first, so the abort's error is not a failure
      ws.abort();
    }
  }
}
