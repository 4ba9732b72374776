package dev.vk.provider.fargate.portforward;

import dev.vk.kubelet.types.PortStream;
import dev.vk.kubelet.types.ProviderException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The direct path: a TCP connection from the node to the task's address, bytes copied both ways by
 * two threads with blocking streams (a slow reader on either side stops the other's copy:
 * backpressure). Half-close passes through: the client's end-of-stream shuts the socket's output,
 * the port's end-of-stream closes the client's stream. Thread-safe.
 */
final class DirectForward {
  private static final Logger logger = LoggerFactory.getLogger(DirectForward.class);
  private static final int BUFFER = 16 * 1024;

  private final ExecutorService threads;
  private final Duration connectTimeout;

  DirectForward(ExecutorService threads, Duration connectTimeout) {
    this.threads = threads;
    this.connectTimeout = connectTimeout;
  }

  /**
   * Connects (blocks up to the connect timeout), then copies in the background. The stage completes
   * when both directions have ended; cancelling it closes the connection.
   *
   * @throws ProviderException UNAVAILABLE when the connection cannot be made (refused, no route,
   *     timeout), naming the address
   */
  CompletableFuture<Void> forward(String address, int port, PortStream stream)
      throws ProviderException {
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(address, port), (int) connectTimeout.toMillis());
    } catch (IOException e) {
      closeQuietly(socket);
      throw new ProviderException(
          ProviderException.Kind.UNAVAILABLE,
          "cannot connect to " + address + ":" + port + " (the task's ENI address): " + e,
          e);
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    AtomicInteger open = new AtomicInteger(2);
    Runnable oneEnded =
        () -> {
          if (open.decrementAndGet() == 0) {
            done.complete(null);
          }
        };
    threads.execute(() -> toPort(stream.input(), socket, done, oneEnded));
    threads.execute(() -> toClient(socket, stream.output(), done, oneEnded));
    done.whenComplete((v, e) -> closeQuietly(socket));
    return done;
  }

  private static void toPort(
      InputStream client, Socket socket, CompletableFuture<Void> done, Runnable ended) {
    try {
      OutputStream out = socket.getOutputStream();
      byte[] buffer = new byte[BUFFER];
      int n;
      while ((n = client.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
        out.flush();
      }
      socket.shutdownOutput(); // the client half-closed: the port reads end-of-stream
      ended.run();
    } catch (IOException e) {
      fail(done, "client to port", e);
    }
  }

  private static void toClient(
      Socket socket, OutputStream client, CompletableFuture<Void> done, Runnable ended) {
    try {
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[BUFFER];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        client.write(buffer, 0, n);
        client.flush();
      }
      client.close(); // the port closed its side: the client reads end-of-stream
      ended.run();
    } catch (IOException e) {
      fail(done, "port to client", e);
    }
  }

  /** A copy failed: the connection was reset or closed under it; the forward ends. */
  private static void fail(CompletableFuture<Void> done, String direction, IOException e) {
    if (!done.isDone()) {
      logger.debug("Direct port-forward {} ended: {}", direction, e.toString());
      done.completeExceptionally(
          new ProviderException(
              ProviderException.Kind.UNAVAILABLE, "connection lost (" + direction + "): " + e, e));
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      logger.debug("Closing a direct port-forward socket: {}", e.toString());
    }
  }
}
