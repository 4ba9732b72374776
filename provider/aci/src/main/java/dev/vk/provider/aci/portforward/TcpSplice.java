package dev.vk.provider.aci.portforward;

import dev.vk.kubelet.types.PortStream;
import dev.vk.provider.DaemonThreads;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;

/**
 * Copies one forwarded connection both ways between the kubelet API client and a TCP socket, a
 * thread per direction since both sides block; a slow reader thereby slows the writer
 * (back-pressure). A half-close travels across: the client's end of input shuts the socket's
 * output, the socket's end of input closes the client's output. The connection is done once both
 * directions ended; cancelling it (the client left) or a failure on either side closes the socket,
 * which ends the other direction too.
 */
final class TcpSplice {

  private static final int BUFFER = 32 * 1024;

  private final Socket socket;
  private final PortStream stream;
  private final CompletableFuture<Void> done = new CompletableFuture<>();
  private int running = 2;

  private TcpSplice(Socket socket, PortStream stream) {
    this.socket = socket;
    this.stream = stream;
  }

  /** Starts copying over the connected {@code socket}; returns at once. Not idempotent. */
  static CompletableFuture<Void> start(Socket socket, PortStream stream, String name) {
    TcpSplice splice = new TcpSplice(socket, stream);
    splice.done.whenComplete((v, e) -> splice.closeSocket());
    DaemonThreads.start(name + "-up", splice::clientToSocket);
    DaemonThreads.start(name + "-down", splice::socketToClient);
    return splice.done;
  }

  private void clientToSocket() {
    try {
      copy(stream.input(), socket.getOutputStream());
      socket.shutdownOutput();
      finished(null);
    } catch (IOException e) {
      finished(e);
    }
  }

  private void socketToClient() {
    try {
      copy(socket.getInputStream(), stream.output());
      stream.output().close();
      finished(null);
    } catch (IOException e) {
      finished(e);
    }
  }

  private void finished(IOException failure) {
    if (failure != null) {
      done.completeExceptionally(failure); // closes the socket, which ends the other direction
      return;
    }
    synchronized (this) {
      running--;
      if (running > 0) {
        return;
      }
    }
    done.complete(null);
  }

  private static void copy(InputStream in, OutputStream out) throws IOException {
    byte[] buffer = new byte[BUFFER];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      out.write(buffer, 0, n);
      out.flush(); // a dialogue must not wait for a full buffer
    }
  }

  private void closeSocket() {
    try {
      socket.close();
    } catch (IOException e) {
      // the connection is over either way
    }
  }
}
