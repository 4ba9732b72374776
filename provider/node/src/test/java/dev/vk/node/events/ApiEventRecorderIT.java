package dev.vk.node.events;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.vk.node.kube.TokenKubeconfig;
import dev.vk.provider.testkit.Pods;
import io.kubernetes.client.openapi.models.V1Pod;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Pod Events against a fake API server: created once, then counted up as kubelets do. */
@Timeout(60)
class ApiEventRecorderIT {
  private static final String EVENTS = "/api/v1/namespaces/default/events";

  @RegisterExtension
  static final WireMockExtension api =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path dir;
  private final V1Pod pod = Pods.pod("default", "web", Pods.container("app"));
  private ApiEventRecorder recorder;

  @BeforeEach
  void connect() throws Exception {
    recorder =
        new ApiEventRecorder(
            TokenKubeconfig.clients(dir, api.baseUrl()).calls(), "vk-node", Clock.systemUTC());
    api.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(okJson("{}")));
    api.stubFor(patch(urlPathMatching(EVENTS + "/.*")).willReturn(okJson("{}")));
  }

  @AfterEach
  void close() {
    recorder.close();
  }

  @Test
  @DisplayName(
      "the same event again patches the first one's count (2, then 3) instead of creating another")
  void repeatsBumpTheCount() {
    recorder.record(pod, EventRecorder.WARNING, "BackOff", "restarting failed container");
    await().until(() -> api.findAll(postRequestedFor(urlPathEqualTo(EVENTS))).size() == 1);
    recorder.record(pod, EventRecorder.WARNING, "BackOff", "restarting failed container");
    recorder.record(pod, EventRecorder.WARNING, "BackOff", "restarting failed container");
    recorder.record(pod, EventRecorder.NORMAL, "Pulled", "pulled the image");

    await()
        .until(() -> api.findAll(patchRequestedFor(urlPathMatching(EVENTS + "/.*"))).size() == 2);
    await().until(() -> api.findAll(postRequestedFor(urlPathEqualTo(EVENTS))).size() == 2);
    LoggedRequest created = api.findAll(postRequestedFor(urlPathEqualTo(EVENTS))).get(0);
    assertThat(
            matchingJsonPath("$.involvedObject.uid", equalTo(pod.getMetadata().getUid()))
                .match(created.getBodyAsString())
                .isExactMatch())
        .isTrue();
    String name = created.getBodyAsString().replaceAll(".*\"name\":\"(web\\.[0-9a-f]+)\".*", "$1");
    List<LoggedRequest> bumps = api.findAll(patchRequestedFor(urlPathMatching(EVENTS + "/.*")));
    assertThat(bumps)
        .extracting(r -> r.getUrl().replaceAll("\\?.*", ""))
        .containsOnly(EVENTS + "/" + name);
    assertThat(bumps)
        .extracting(r -> r.getBodyAsString().replaceAll(".*\"count\":(\\d+).*", "$1"))
        .containsExactly("2", "3");
  }
}
