package dev.vk.testbed.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP forwarder on loopback between a node and the API server, so a test can cut the node off the
 * way a network does: bytes stop flowing but no connection is closed (no FIN, no RST), which is
 * what a client only notices through its own timeouts and pings. TLS passes through untouched; the
 * API server's certificate names 127.0.0.1.
 */
public final class ApiProxy implements AutoCloseable {
  private static final Pattern SERVER = Pattern.compile("(?m)^(\\s*server:\\s*)(\\S+)\\s*$");

  private final ServerSocket listener;
  private final InetSocketAddress target;
  private final Set<Link> links = ConcurrentHashMap.newKeySet();
  private volatile boolean partitioned;

  private ApiProxy(InetSocketAddress target) throws IOException {
    this.target = target;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::acceptLoop, "api-proxy-accept");
    accept.setDaemon(true);
    accept.start();
  }

  /** A proxy in front of the API server that {@code kubeconfig} points at. */
  public static ApiProxy inFrontOf(Path kubeconfig) {
    URI server = URI.create(server(read(kubeconfig)));
    try {
      return new ApiProxy(new InetSocketAddress(server.getHost(), server.getPort()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A copy of {@code kubeconfig} whose server is this proxy; written to {@code copy}. */
  public Path kubeconfig(Path kubeconfig, Path copy) {
    String text = read(kubeconfig);
    Matcher m = SERVER.matcher(text);
    String rewritten = m.replaceAll("$1https://127.0.0.1:" + listener.getLocalPort());
    try {
      Files.createDirectories(copy.toAbsolutePath().getParent());
      Files.writeString(copy, rewritten);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return copy;
  }

  /** Every byte, on open and new connections, is held back until {@link #heal()}. */
  public void partition() {
    partitioned = true;
  }

  /** Ends a {@link #partition()}: held connections flow again, as TCP resumes after an outage. */
  public void heal() {
    partitioned = false;
    synchronized (this) {
      notifyAll();
    }
  }

  /**
   * The connections open now go silent forever, while new ones work: a watch whose packets are
   * dropped by a middlebox that forgot it.
   */
  public void blackholeOpenConnections() {
    links.forEach(l -> l.blackholed = true);
  }

  /** How many client connections are open now. */
  public int openConnections() {
    return links.size();
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket();
        server.connect(target, 5_000);
        Link link = new Link(client, server);
        links.add(link);
        link.start();
      } catch (IOException e) {
        if (listener.isClosed()) {
          return;
        }
      }
    }
  }

  private synchronized void awaitFlow(Link link) throws InterruptedException {
    while ((partitioned || link.blackholed) && !link.closed) {
      wait(1_000);
    }
  }

  /** One client connection and its server side, copied both ways by two threads. */
  private final class Link {
    private final Socket client;
    private final Socket server;
    private volatile boolean blackholed;
    private volatile boolean closed;

    Link(Socket client, Socket server) {
      this.client = client;
      this.server = server;
    }

    void start() throws IOException {
      pump(client.getInputStream(), server.getOutputStream(), "up");
      pump(server.getInputStream(), client.getOutputStream(), "down");
    }

    private void pump(InputStream in, OutputStream out, String direction) {
      Thread t =
          new Thread(
              () -> {
                byte[] buf = new byte[16 * 1024];
                try {
                  while (true) {
                    awaitFlow(this);
                    int n = in.read(buf);
                    if (n < 0) {
                      break;
                    }
                    awaitFlow(this);
                    out.write(buf, 0, n);
                    out.flush();
                  }
                } catch (IOException | InterruptedException e) {
                  // the other side closed, or the proxy did
                } finally {
                  close();
                }
              },
              "api-proxy-" + direction);
      t.setDaemon(true);
      t.start();
    }

    void close() {
      closed = true;
      links.remove(this);
      for (Socket s : List.of(client, server)) {
        try {
          s.close();
        } catch (IOException e) {
          // already closed
        }
      }
    }
  }

  private static String server(String kubeconfig) {
    Matcher m = SERVER.matcher(kubeconfig);
    if (!m.find()) {
      throw new IllegalArgumentException("kubeconfig names no server");
    }
    return m.group(2);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException e) {
      // closing anyway
    }
    heal();
    links.forEach(Link::close);
  }
}
