package dev.vk.node.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.node.health.HealthChecks.Probe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HealthServerTest {
  private final HealthChecks checks = new HealthChecks();
  private final AtomicReference<String> informer = new AtomicReference<>();
  private final AtomicReference<String> leader = new AtomicReference<>();
  private final PrometheusMeterRegistry meters =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final HttpClient http = HttpClient.newHttpClient();
  private HealthServer server;

  @BeforeEach
  void start() throws Exception {
    checks.register("pod-informer", () -> Optional.ofNullable(informer.get()), Probe.LIVENESS);
    checks.register("leader", () -> Optional.ofNullable(leader.get()), Probe.READINESS);
    server = HealthServer.start("127.0.0.1", 0, checks, meters);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  @DisplayName("/healthz and /readyz answer 200 ok while their checks pass")
  void passing() throws Exception {
    assertThat(get("/healthz")).isEqualTo("200 ok\n");
    assertThat(get("/readyz")).isEqualTo("200 ok\n");
    assertThat(get("/healthz?verbose")).isEqualTo("200 ok\n");
  }

  @Test
  @DisplayName("a failing check gives 503 naming it, on its own probe only")
  void failing() throws Exception {
    informer.set("pod informer has not synced");
    assertThat(get("/healthz")).isEqualTo("503 pod-informer: pod informer has not synced\n");
    assertThat(get("/readyz")).isEqualTo("200 ok\n");
    informer.set(null);
    leader.set("not the leader");
    assertThat(get("/readyz")).isEqualTo("503 leader: not the leader\n");
    assertThat(get("/healthz")).isEqualTo("200 ok\n");
  }

  @Test
  @DisplayName("a check that throws fails its probe with the exception")
  void throwing() throws Exception {
    checks.register(
        "broken",
        () -> {
          throw new IllegalStateException("oops");
        },
        Probe.LIVENESS,
        Probe.READINESS);
    assertThat(get("/healthz")).startsWith("503 broken: check threw").contains("oops");
    assertThat(get("/readyz")).startsWith("503 broken: check threw");
  }

  @Test
  @DisplayName("/metrics serves the registry as Prometheus text without credentials")
  void metrics() throws Exception {
    Counter.builder("vk.test.things").register(meters).increment(3);
    assertThat(get("/metrics")).startsWith("200 ").contains("vk_test_things_total 3.0");
  }

  @Test
  @DisplayName("unknown paths are 404, other methods 405")
  void unknown() throws Exception {
    assertThat(get("/")).startsWith("404 ");
    assertThat(get("/healthz/extra")).startsWith("404 ");
    assertThat(get("/metricsx")).startsWith("404 ");
    HttpResponse<String> post =
        http.send(
            HttpRequest.newBuilder(url("/healthz"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  private String get(String path) throws Exception {
    HttpResponse<String> r =
        http.send(HttpRequest.newBuilder(url(path)).build(), HttpResponse.BodyHandlers.ofString());
    return r.statusCode() + " " + r.body();
  }
}
