package dev.vk.provider.aci.metrics;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.kubelet.types.ProviderException.Kind;
import dev.vk.kubelet.types.ResourceUsage;
import dev.vk.provider.testkit.TestingClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Azure Monitor's {@code metrics:getBatch} throttled, failing or answering garbage, as a stateless
 * WireMock serves it: what a scrape ({@code kubectl top} through metrics-server) gets from the
 * node's metrics source over the real HTTP client.
 */
class MetricsBatchFaultsIT {

  private static final String BATCH = "/subscriptions/sub/metrics:getBatch";
  private static final Duration FRESHNESS = Duration.ofSeconds(60);
  private static final Instant STARTED = Instant.parse("2026-01-01T00:00:30Z");

  @RegisterExtension
  static final WireMockExtension monitor =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final TestingClock clock = new TestingClock(Instant.parse("2026-01-01T00:10:00Z"));
  private AciMetrics metrics;

  @BeforeEach
  void build() {
    MetricsBatchClient client =
        new MetricsBatchClient(
            new HttpPipelineBuilder()
                .httpClient(new OkHttpAsyncHttpClientBuilder().build())
                .build(),
            monitor.baseUrl(),
            "sub");
    List<MetricsTarget> running =
        List.of(
            new MetricsTarget(
                "g0",
                "default",
                "p0",
                List.of(new MetricsTarget.RunningContainer("app", STARTED))));
    metrics =
        new AciMetrics(
            client, () -> running, "/subscriptions/sub/resourceGroups/rg", FRESHNESS, clock);
  }

  static Stream<Arguments> faults() {
    return Stream.of(
        Arguments.of(
            "429",
            aResponse().withStatus(429).withHeader("Retry-After", "300").withBody("{}"),
            Kind.THROTTLED),
        Arguments.of("500", aResponse().withStatus(500).withBody("boom"), Kind.UNAVAILABLE),
        Arguments.of("not JSON", okJson("<html>oops</html>"), Kind.INTERNAL),
        Arguments.of("other shape", okJson("{\"values\":5}"), Kind.INTERNAL),
        Arguments.of("cut short", okJson("{\"values\":[{\"value\":[{\"name\""), Kind.INTERNAL));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  @DisplayName("with no answer yet, a failed call is the scrape's error, named and classified")
  void firstFailureIsTheScrapesError(String name, ResponseDefinitionBuilder fault, Kind kind) {
    monitor.stubFor(post(urlPathEqualTo(BATCH)).willReturn(fault));

    Throwable thrown = catchThrowable(metrics::usage);

    assertThat(thrown).isInstanceOf(ProviderException.class).hasMessageContaining("Azure Monitor");
    assertThat(((ProviderException) thrown).kind()).isEqualTo(kind);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  @DisplayName("after a good answer, a failed refresh serves the last answer")
  void laterFailureServesTheLastAnswer(String name, ResponseDefinitionBuilder fault, Kind kind)
      throws Exception {
    monitor.stubFor(post(urlPathEqualTo(BATCH)).willReturn(okJson(batch())));
    ResourceUsage good = metrics.usage();
    assertThat(good.pods()).singleElement().satisfies(p -> assertThat(p.name()).isEqualTo("p0"));

    monitor.stubFor(post(urlPathEqualTo(BATCH)).willReturn(fault));
    clock.advance(FRESHNESS.plusSeconds(1));

    assertThat(metrics.usage()).isSameAs(good);
    monitor.verify(2, postRequestedFor(urlPathEqualTo(BATCH)));
  }

  @Test
  @DisplayName("after a 429 the node asks again only when Retry-After has passed")
  void throttledWaitsForRetryAfter() throws Exception {
    monitor.stubFor(post(urlPathEqualTo(BATCH)).willReturn(okJson(batch())));
    ResourceUsage good = metrics.usage();
    monitor.stubFor(
        post(urlPathEqualTo(BATCH))
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "300")));
    clock.advance(FRESHNESS.plusSeconds(1));
    metrics.usage();

    clock.advance(Duration.ofSeconds(240));
    assertThat(metrics.usage()).isSameAs(good);
    monitor.verify(2, postRequestedFor(urlPathEqualTo(BATCH)));

    monitor.stubFor(post(urlPathEqualTo(BATCH)).willReturn(okJson(batch())));
    clock.advance(Duration.ofSeconds(60));
    assertThat(metrics.usage()).isNotSameAs(good);
    monitor.verify(3, postRequestedFor(urlPathEqualTo(BATCH)));
  }

  /** Half a core and 50 MB for container app of group g0 in the minute 00:05. */
  private static String batch() {
    return """
        {"values":[{"resourceid":"/subscriptions/sub/resourceGroups/rg/providers/\
        Microsoft.ContainerInstance/containerGroups/g0","value":[
          {"name":{"value":"CpuUsage"},"errorCode":"Success","timeseries":[
            {"metadatavalues":[{"name":{"value":"containername"},"value":"app"}],
             "data":[{"timeStamp":"2026-01-01T00:05:00Z","average":500}]}]},
          {"name":{"value":"MemoryUsage"},"errorCode":"Success","timeseries":[
            {"metadatavalues":[{"name":{"value":"containername"},"value":"app"}],
             "data":[{"timeStamp":"2026-01-01T00:05:00Z","average":5.0E7}]}]}]}]}
        """;
  }
}
