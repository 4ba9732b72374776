package dev.vk.node.health;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vk.node.health.HealthChecks.Probe;
import dev.vk.provider.DaemonThreads;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Plain HTTP, no authentication: {@code /healthz} (liveness), {@code /readyz} (readiness) and
 * {@code /metrics} (Prometheus text). Probes carry no credentials, so they cannot use the
 * authenticated kubelet port. A passing probe answers 200 {@code ok}; a failing one 503 with one
 * line per failed check.
 */
public final class HealthServer implements AutoCloseable {
  private static final String TEXT = "text/plain; charset=utf-8";

  private final HttpServer server;
  private final ExecutorService threads;

  private HealthServer(HttpServer server, ExecutorService threads) {
    this.server = server;
    this.threads = threads;
  }

  /**
   * Binds and starts serving. Does not block.
   *
   * @param port 0 picks a free port (see {@link #port()})
   * @throws IOException when the address cannot be bound
   */
  public static HealthServer start(
      String address, int port, HealthChecks checks, PrometheusMeterRegistry meters)
      throws IOException {
    HttpServer http = HttpServer.create(new InetSocketAddress(address, port), 16);
    http.createContext("/healthz", ex -> probe(ex, checks, Probe.LIVENESS));
    http.createContext("/livez", ex -> probe(ex, checks, Probe.LIVENESS));
    http.createContext("/readyz", ex -> probe(ex, checks, Probe.READINESS));
    http.createContext(
        "/metrics",
        ex ->
            respond(
                ex,
                200,
                "text/plain; version=0.0.4; charset=utf-8",
                exact(ex, "/metrics") ? meters.scrape() : null));
    http.createContext(
        "/", ex -> respond(ex, 404, TEXT, "not found: try /healthz, /readyz or /metrics\n"));
    ExecutorService threads = Executors.newFixedThreadPool(2, DaemonThreads.factory("health-http"));
    http.setExecutor(threads);
    http.start();
    return new HealthServer(http, threads);
  }

  /** The bound port. */
  public int port() {
    return server.getAddress().getPort();
  }

  private static void probe(HttpExchange ex, HealthChecks checks, Probe probe) throws IOException {
    if (!exact(ex, ex.getHttpContext().getPath())) {
      respond(ex, 404, TEXT, null);
      return;
    }
    List<String> failed = checks.failures(probe);
    if (failed.isEmpty()) {
      respond(ex, 200, TEXT, "ok\n");
    } else {
      respond(ex, 503, TEXT, String.join("\n", failed) + "\n");
    }
  }

  /** Only the path itself (query allowed), not what the JDK's prefix matching lets through. */
  private static boolean exact(HttpExchange ex, String path) {
    return ex.getRequestURI().getPath().equals(path);
  }

  private static void respond(HttpExchange ex, int code, String type, String body)
      throws IOException {
    try (ex) {
      if (body == null) {
        code = 404;
        body = "not found\n";
      }
      if (!ex.getRequestMethod().equals("GET") && !ex.getRequestMethod().equals("HEAD")) {
        code = 405;
        body = "only GET\n";
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", type);
      boolean head = ex.getRequestMethod().equals("HEAD");
      ex.sendResponseHeaders(code, head ? -1 : bytes.length);
      if (!head) {
        try (OutputStream out = ex.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }

  /** Stops at once; idempotent. */
  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
