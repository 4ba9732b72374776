package dev.vk.provider.fargate.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.vk.emulator.ecs.EcsEmulator;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.kubelet.types.ProviderException.Kind;
import dev.vk.provider.fargate.FargateProvider;
import dev.vk.provider.testkit.EmulatorExtension;
import dev.vk.provider.testkit.PodStatuses;
import dev.vk.provider.testkit.Pods;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CloudWatch's GetMetricData throttled, failing or answering garbage, as a stateless WireMock
 * serves it while the emulator runs the pod: what a scrape ({@code kubectl top} through
 * metrics-server) gets from the provider. A failed refresh is the scrape's error, classified, and
 * the next scrape asks again.
 */
class MetricsFaultsIT {

  @RegisterExtension static final EmulatorExtension<EcsEmulator> ecs = EmulatedFargate.extension();

  @RegisterExtension
  static final WireMockExtension cloudWatch =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static FargateProvider provider;

  @BeforeAll
  static void runAPod() throws Exception {
    Map<String, String> settings = EmulatedFargate.settings(ecs);
    settings.put("cloudwatch-endpoint", cloudWatch.baseUrl());
    settings.put("metrics-freshness", "1ms");
    settings.put("max-attempts", "2");
    provider = EmulatedFargate.provider(ecs, "vk-metrics-faults", settings);
    provider.createPod(Pods.pod("ns", Pods.uniqueName("m")));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> provider.getPods().stream().anyMatch(p -> PodStatuses.isTrue(p, "Ready")));
  }

  @BeforeEach
  void reset() {
    cloudWatch.resetAll();
  }

  static Stream<Arguments> faults() {
    return Stream.of(
        Arguments.of("429", aResponse().withStatus(429), Kind.THROTTLED),
        Arguments.of("500", aResponse().withStatus(500).withBody("boom"), Kind.UNAVAILABLE),
        Arguments.of(
            "garbled",
            aResponse()
                .withStatus(200)
                .withHeader("smithy-protocol", "rpc-v2-cbor")
                .withHeader("Content-Type", "application/cbor")
                .withBody(new byte[] {(byte) 0xbf, 0x61, 0x7a, 0x1f}),
            Kind.UNAVAILABLE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  @DisplayName("a failed GetMetricData is the scrape's error; the next scrape asks again")
  void failureIsTheScrapesError(String name, ResponseDefinitionBuilder fault, Kind kind) {
    cloudWatch.stubFor(post(anyUrl()).willReturn(fault));

    Throwable first = catchThrowable(provider::usage);
    int asked = cloudWatch.findAll(postRequestedFor(anyUrl())).size();
    Throwable second = catchThrowable(provider::usage);

    assertThat(first)
        .isInstanceOf(ProviderException.class)
        .hasMessageContaining("CloudWatch GetMetricData");
    assertThat(((ProviderException) first).kind()).isEqualTo(kind);
    assertThat(second).isInstanceOf(ProviderException.class);
    assertThat(cloudWatch.findAll(postRequestedFor(anyUrl())).size())
        .as("a failure is not cached")
        .isGreaterThan(asked);
  }
}
