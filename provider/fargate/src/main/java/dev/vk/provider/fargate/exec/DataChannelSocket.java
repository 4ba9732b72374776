package dev.vk.provider.fargate.exec;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data channel's WebSocket (JDK client), carrying frames between the network and a {@link
 * DataChannelSession}. The stream URL needs no SigV4: the first frame, a text frame, carries the
 * session token. Frames are read one at a time, and the next is requested only after the session
 * has written the previous one's output, so a slow client slows the agent down.
 */
final class DataChannelSocket implements WebSocket.Listener, DataChannelSession.Wire {
  private static final Logger logger = LoggerFactory.getLogger(DataChannelSocket.class);

  /** How long a close handshake may take before the connection is dropped. */
  static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

  private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
  private final ScheduledExecutorService timers;
  private DataChannelSession session;
  private WebSocket socket;
  private boolean closed;
  private CompletableFuture<?> sends = CompletableFuture.completedFuture(null);

  DataChannelSocket(ScheduledExecutorService timers) {
    this.timers = timers;
  }

  /** Opens the socket and sends the token; completes when both are done. Does not block. */
  CompletableFuture<Void> open(
      HttpClient http, URI streamUrl, String token, DataChannelSession session) {
    this.session = session;
    return http.newWebSocketBuilder()
        .connectTimeout(Duration.ofSeconds(30))
        .buildAsync(streamUrl, this)
        .thenCompose(
            ws -> ws.sendText(Payloads.openDataChannel(token, session.clientVersion()), true))
        .thenAccept(ws -> {});
  }

  @Override
  public synchronized void onOpen(WebSocket webSocket) {
    this.socket = webSocket;
    if (closed) {
      webSocket.abort(); // the exec ended while connecting
      return;
    }
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
    byte[] bytes = new byte[data.remaining()];
    data.get(bytes);
    partial.writeBytes(bytes);
    if (last) {
      byte[] frame = partial.toByteArray();
      partial.reset();
      session.receive(frame);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    logger.debug("Ignoring a text frame on the data channel");
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    session.transportClosed(statusCode, reason, null);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    session.transportClosed(-1, null, error);
  }

  /**
   * Queues a binary frame after the ones before it (the JDK socket takes one send at a time).
   * Frames are only ever sent in answer to received ones, so the socket is open by then.
   */
  @Override
  public synchronized void send(byte[] frame) {
    WebSocket ws = socket;
    if (ws == null) {
      logger.debug("Dropping a frame sent before the socket opened");
      return;
    }
    sends =
        sends
            .thenCompose(ignored -> ws.sendBinary(ByteBuffer.wrap(frame), true))
            .exceptionally(
                error -> {
                  // The socket is failing; onError/onClose end the session.
                  logger.debug("Data channel send failed: {}", error.toString());
                  return null;
                });
  }

  /** Sends a WebSocket ping after the queued frames (the JDK answers the peer's pings itself). */
  synchronized void ping() {
    WebSocket ws = socket;
    if (ws != null && !closed) {
      sends =
          sends
              .thenCompose(ignored -> ws.sendPing(ByteBuffer.allocate(0)))
              .exceptionally(e -> null);
    }
  }

  /** Closes after the queued frames are sent; drops the connection if the peer does not answer. */
  synchronized void close() {
    closed = true;
    WebSocket ws = socket;
    if (ws == null) {
      return;
    }
    sends
        .thenCompose(ignored -> ws.sendClose(WebSocket.NORMAL_CLOSURE, ""))
        .exceptionally(e -> null);
    timers.schedule(ws::abort, CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
  }
}
