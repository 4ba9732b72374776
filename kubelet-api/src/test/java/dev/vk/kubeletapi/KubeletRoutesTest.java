package dev.vk.kubeletapi;

import static dev.vk.kubeletapi.testing.EmbeddedHttp.body;
import static dev.vk.kubeletapi.testing.EmbeddedHttp.get;
import static dev.vk.kubeletapi.testing.EmbeddedHttp.json;
import static dev.vk.kubeletapi.testing.EmbeddedHttp.request;
import static dev.vk.kubeletapi.testing.EmbeddedHttp.response;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.kubelet.types.ResourceUsage;
import dev.vk.kubeletapi.http.Json;
import dev.vk.kubeletapi.spi.JsonBody;
import dev.vk.kubeletapi.spi.KubeletHandlers;
import dev.vk.kubeletapi.stream.StreamSettings;
import dev.vk.kubeletapi.testing.EmbeddedHttp;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KubeletRoutesTest {
  /** Null fields are omitted, as Go's omitempty does. */
  record NodeStats(String nodeName, Instant startTime, Long rlimit) {}

  private static final StreamSettings STREAMS =
      new StreamSettings(EmbeddedHttp.DIRECT, Duration.ofHours(4), Duration.ofSeconds(30));

  private static EmbeddedChannel channel(KubeletHandlers handlers) {
    return EmbeddedHttp.dispatcher(KubeletRoutes.router(handlers, STREAMS));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/pods",
        "/runningpods/",
        "/stats/summary",
        "/metrics",
        "/metrics/resource",
        "/containerLogs/ns/p/c",
        "/exec/ns/p/c?command=ls&output=1",
        "/exec/ns/p/uid/c",
        "/attach/ns/p/c",
        "/portForward/ns/p",
        "/portForward/ns/p/uid"
      })
  @DisplayName("every route whose function is missing answers 501 with a Status body")
  void notImplemented(String uri) {
    EmbeddedChannel channel = channel(KubeletHandlers.builder().build());
    channel.writeInbound(get(uri));
    FullHttpResponse r = response(channel);
    assertThat(r.status().code()).isEqualTo(501);
    assertThat(json(r).get("kind").asText()).isEqualTo("Status");
  }

  @Test
  @DisplayName("/healthz needs no function")
  void healthz() {
    EmbeddedChannel channel = channel(KubeletHandlers.builder().build());
    channel.writeInbound(get("/healthz"));
    assertThat(body(response(channel))).isEqualTo("ok");
  }

  @Test
  @DisplayName(
      "read-only routes serve their functions: pods, running pods, stats (GET and POST), metrics")
  void readOnly() throws Exception {
    EmbeddedChannel channel =
        channel(
            KubeletHandlers.builder()
                .pods(
                    () -> JsonBody.raw("{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"items\":[]}"))
                .runningPods(() -> JsonBody.raw("{\"kind\":\"PodList\",\"items\":[1]}"))
                .statsSummary(
                    () ->
                        JsonBody.of(
                            Map.of(
                                "node",
                                Map.of(
                                    "nodeName",
                                    "vk",
                                    "startTime",
                                    Instant.parse("2026-01-02T03:04:05Z")))))
                .nodeMetrics(() -> "vk_up 1\n")
                .resourceMetrics(
                    () -> new ResourceUsage(new ResourceUsage.Node(Instant.EPOCH, 1, 2), List.of()))
                .build());
    channel.writeInbound(get("/pods"));
    assertThat(body(response(channel))).contains("PodList");
    channel.writeInbound(get("/runningpods"));
    assertThat(body(response(channel))).contains("[1]");
    channel.writeInbound(request(HttpMethod.POST, "/stats/summary/"));
    assertThat(json(response(channel)))
        .isEqualTo(
            Json.MAPPER.readTree(
                "{\"node\":{\"nodeName\":\"vk\",\"startTime\":\"2026-01-02T03:04:05Z\"}}"));
    channel.writeInbound(get("/metrics"));
    FullHttpResponse metrics = response(channel);
    assertThat(metrics.headers().get(HttpHeaderNames.CONTENT_TYPE))
        .startsWith("text/plain; version=0.0.4");
    assertThat(body(metrics)).isEqualTo("vk_up 1\n");
    channel.writeInbound(get("/metrics/resource"));
    assertThat(body(response(channel)))
        .contains("node_cpu_usage_seconds_total 1 0", "resource_scrape_error 0");
  }

  @Test
  @DisplayName("container logs accept GET only")
  void logsMethod() {
    EmbeddedChannel channel = channel(KubeletHandlers.builder().build());
    channel.writeInbound(request(HttpMethod.POST, "/containerLogs/ns/p/c"));
    assertThat(response(channel).status().code()).isEqualTo(405);
  }
}
