package dev.vk.provider.fargate.portforward;

import dev.vk.kubelet.types.PortStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * One forwarded connection as the kubelet API hands it to a provider, in memory: the test writes
 * what the client sends and reads what reached the client.
 */
public final class TestConnection implements PortStream {
  private final PipedOutputStream client = new PipedOutputStream();
  private final PipedInputStream input;
  private final Received received = new Received();

  public TestConnection() {
    try {
      input = new PipedInputStream(client, 64 * 1024);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public InputStream input() {
    return input;
  }

  @Override
  public OutputStream output() {
    return received;
  }

  /** The client sends {@code text}. */
  public void send(String text) throws IOException {
    client.write(text.getBytes(StandardCharsets.UTF_8));
    client.flush();
  }

  /** The client half-closes (its end-of-stream). */
  public void endInput() throws IOException {
    client.close();
  }

  /** What reached the client so far. */
  public String received() {
    synchronized (received) {
      return received.toString(StandardCharsets.UTF_8);
    }
  }

  /** Whether the provider ended the client's stream (end-of-stream on the client's side). */
  public boolean outputClosed() {
    return received.closed;
  }

  private static final class Received extends ByteArrayOutputStream {
    private volatile boolean closed;

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      super.write(b, off, len);
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
