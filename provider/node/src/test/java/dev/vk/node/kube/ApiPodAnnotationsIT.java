package dev.vk.node.kube;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.vk.node.pod.NodeWrites;
import dev.vk.provider.testkit.Pods;
import io.kubernetes.client.openapi.models.V1Pod;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A provider's annotations against a fake API server: they wait for the pod's status write, and
 * only those no status write took are patched alone, to {@code pods/status}.
 */
@Timeout(60)
class ApiPodAnnotationsIT {
  private static final String STATUS = "/api/v1/namespaces/default/pods/web/status";
  private static final Map<String, String> SIZE = Map.of("CapacityProvisioned", "0.25vCPU 0.5GB");
  private static final Duration WAIT = Duration.ofMillis(200);

  @RegisterExtension
  static final WireMockExtension api =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path dir;
  private final NodeWrites writes = new NodeWrites();
  private final V1Pod pod = Pods.pod("default", "web", Pods.container("app"));
  private ApiPodAnnotations annotations;

  @BeforeEach
  void connect() throws Exception {
    annotations =
        new ApiPodAnnotations(TokenKubeconfig.clients(dir, api.baseUrl()).calls(), writes, WAIT);
  }

  private String uid() {
    return pod.getMetadata().getUid();
  }

  @Test
  @DisplayName("annotations no status write took are merged alone through pods/status")
  void writtenAloneWhenNoStatusCarriesThem() {
    api.stubFor(patch(urlPathEqualTo(STATUS)).willReturn(okJson("{}")));

    annotations.merge(pod, SIZE);

    assertThat(writes.wroteAnnotation("CapacityProvisioned")).isTrue();
    await().until(() -> api.findAll(patchRequestedFor(urlPathEqualTo(STATUS))).size() == 1);
    assertThat(api.findAll(patchRequestedFor(urlPathEqualTo(STATUS))).get(0).getBodyAsString())
        .satisfies(
            body ->
                equalToJson(
                        "{\"metadata\":{\"uid\":\""
                            + uid()
                            + "\",\"annotations\":{\"CapacityProvisioned\":\"0.25vCPU 0.5GB\"}}}")
                    .match(body)
                    .isExactMatch());
    await().until(() -> writes.pendingAnnotations(uid()).isEmpty());
  }

  @Test
  @DisplayName("annotations a status write carried cost no request of their own")
  void carriedByTheStatusWrite() {
    api.stubFor(patch(urlPathEqualTo(STATUS)).willReturn(okJson("{}")));

    annotations.merge(pod, SIZE);
    writes.annotated(uid(), SIZE); // as StatusWriter does after its patch

    await().during(WAIT.multipliedBy(3)).atMost(WAIT.multipliedBy(5)).until(() -> true);
    assertThat(api.findAll(anyRequestedFor(anyUrl()))).isEmpty();
  }

  @Test
  @DisplayName("annotations the pod already shows are not written at all")
  void alreadyShown() {
    pod.getMetadata().annotations(Map.of("CapacityProvisioned", "0.25vCPU 0.5GB"));

    annotations.merge(pod, SIZE);

    assertThat(writes.pendingAnnotations(uid())).isEmpty();
    assertThat(writes.wroteAnnotation("CapacityProvisioned")).isTrue();
  }

  @Test
  @DisplayName("a failing write is tried three times, then given up without leaving anything held")
  void retriedThenGivenUp() {
    api.stubFor(patch(urlPathEqualTo(STATUS)).willReturn(aResponse().withStatus(500)));

    annotations.merge(pod, SIZE);

    await().until(() -> api.findAll(patchRequestedFor(urlPathEqualTo(STATUS))).size() == 3);
    await().until(() -> writes.pendingAnnotations(uid()).isEmpty());
    await().during(WAIT.multipliedBy(5)).atMost(WAIT.multipliedBy(8)).until(() -> true);
    assertThat(api.findAll(patchRequestedFor(urlPathEqualTo(STATUS)))).hasSize(3);
  }

  @Test
  @DisplayName("a pod that is gone ends the write at once")
  void goneIsDone() {
    api.stubFor(
        patch(urlPathEqualTo(STATUS))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withBody("{\"kind\":\"Status\",\"code\":404,\"reason\":\"NotFound\"}")));

    annotations.merge(pod, SIZE);

    await().until(() -> writes.pendingAnnotations(uid()).isEmpty());
    assertThat(api.findAll(patchRequestedFor(urlPathEqualTo(STATUS)))).hasSize(1);
  }
}
