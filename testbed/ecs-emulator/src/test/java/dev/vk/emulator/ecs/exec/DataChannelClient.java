package dev.vk.emulator.ecs.exec;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A minimal ECS Exec client over the JDK WebSocket, for tests only: opens the stream URL, sends the
 * token, then lets {@link ClientProtocol} answer every frame.
 */
public final class DataChannelClient implements WebSocket.Listener, AutoCloseable {
  private final ClientProtocol protocol = new ClientProtocol();
  private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private CompletableFuture<?> sends = CompletableFuture.completedFuture(null);
  private WebSocket socket;

  private DataChannelClient() {}

  /** Connects and sends the OpenDataChannelInput with {@code token}. */
  public static DataChannelClient connect(String streamUrl, String token) {
    DataChannelClient client = new DataChannelClient();
    client.socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(URI.create(streamUrl), client)
            .join();
    client.socket.sendText(ClientProtocol.openDataChannel(token), true).join();
    return client;
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
    byte[] bytes = new byte[data.remaining()];
    data.get(bytes);
    partial.writeBytes(bytes);
    if (last) {
      byte[] frame = partial.toByteArray();
      partial.reset();
      protocol.receive(frame).forEach(this::send);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(null);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.completeExceptionally(error);
  }

  /** Types keys on the remote terminal. */
  public void type(String keys) {
    send(protocol.keys(keys));
  }

  private synchronized void send(byte[] frame) {
    // The JDK WebSocket allows one outstanding send; chain them.
    sends = sends.thenCompose(ignored -> socket.sendBinary(ByteBuffer.wrap(frame), true));
  }

  public String output() {
    return protocol.output();
  }

  /** The exit code the agent reported, or null so far. */
  public Integer exitCode() {
    return protocol.exitCode();
  }

  public boolean channelClosed() {
    return protocol.closed();
  }

  public boolean socketClosed() {
    return closed.isDone();
  }

  @Override
  public void close() {
    if (!socketClosed()) {
      socket.abort();
    }
  }
}
