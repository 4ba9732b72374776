package dev.vk.emulator.aci.vnet;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The "containers" behind group IPs: each (IP, port) a TCP echo server, port 80 an HTTP answer
 * ({@link HttpAnswer}). An echo mirrors a half-close: once the client's input ends and everything
 * was echoed, the output is shut down too. Taking an IP down closes its listeners and its open
 * connections, as a stopped group drops them. Blocking sockets, one thread per listener and per
 * connection: a handful of demo and test groups. Thread-safe.
 */
public final class EchoListeners implements PodAddresses {

  private static final int BUFFER = 16 * 1024;
  private static final long JOIN_MILLIS = 5_000;

  private final Map<String, List<ServerSocket>> listeners = new HashMap<>();
  private final Map<String, List<Thread>> acceptors = new HashMap<>();
  private final Map<String, Set<Socket>> connections = new ConcurrentHashMap<>();

  /**
   * Listens on {@code port} of {@code ip} for each port; the address must be local here. Ports that
   * cannot be bound are reported and skipped. Not idempotent: take the IP down first.
   */
  @Override
  public synchronized void up(String ip, Set<Integer> ports) {
    List<ServerSocket> sockets = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int port : ports) {
      try {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(ip, port));
        sockets.add(server);
        threads.add(daemon("echo-accept-" + ip + ":" + port, () -> accept(ip, port, server)));
      } catch (IOException e) {
        System.err.println("pod network: cannot listen on " + ip + ":" + port + ": " + e);
      }
    }
    listeners.put(ip, sockets);
    acceptors.put(ip, threads);
  }

  /**
   * Stops listening on {@code ip} and closes its connections. Idempotent. Blocks until the accept
   * threads have left {@code accept}: until then the kernel keeps the listening socket alive and a
   * connect would still be taken.
   */
  @Override
  public synchronized void down(String ip) {
    for (ServerSocket s : listeners.getOrDefault(ip, List.of())) {
      closeQuietly(s);
    }
    listeners.remove(ip);
    for (Thread t : acceptors.getOrDefault(ip, List.of())) {
      joinQuietly(t);
    }
    acceptors.remove(ip);
    Set<Socket> open = connections.remove(ip);
    if (open != null) {
      open.forEach(EchoListeners::closeQuietly);
    }
  }

  @Override
  public synchronized void close() {
    List.copyOf(listeners.keySet()).forEach(this::down);
  }

  private void accept(String ip, int port, ServerSocket server) {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        connections.computeIfAbsent(ip, k -> ConcurrentHashMap.newKeySet()).add(s);
        daemon("echo-" + s.getRemoteSocketAddress(), () -> serve(ip, port, s));
      } catch (IOException e) {
        return; // closed by down()
      }
    }
  }

  private void serve(String ip, int port, Socket s) {
    try (s) {
      if (port == 80) {
        HttpAnswer.serve(s, ip);
        return;
      }
      InputStream in = s.getInputStream();
      OutputStream out = s.getOutputStream();
      byte[] buffer = new byte[BUFFER];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        out.write(buffer, 0, n);
        out.flush();
      }
      s.shutdownOutput();
    } catch (IOException e) {
      // the peer reset or the IP went down: nothing to answer
    } finally {
      Set<Socket> open = connections.get(ip);
      if (open != null) {
        open.remove(s);
      }
    }
  }

  private static Thread daemon(String name, Runnable task) {
    Thread t = new Thread(task, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static void joinQuietly(Thread t) {
    try {
      t.join(JOIN_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // closing is best effort
    }
  }
}
