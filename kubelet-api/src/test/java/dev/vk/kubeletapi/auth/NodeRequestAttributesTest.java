package dev.vk.kubeletapi.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.kubeletapi.spi.AccessAttributes;
import io.netty.handler.codec.http.HttpMethod;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NodeRequestAttributesTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "/stats/summary, stats",
    "/stats, stats",
    "/metrics, metrics",
    "/metrics/resource, metrics",
    "/logs/kubelet.log, log",
    "/containerLogs/ns/p/c, proxy",
    "/exec/ns/p/c, proxy",
    "/attach/ns/p/c, proxy",
    "/portForward/ns/p, proxy",
    "/pods, pods proxy",
    "/runningpods/, pods proxy",
    "/healthz, healthz proxy",
    "/statsfoo, proxy",
    "/metricsx, proxy"
  })
  void subresources(String path, String expected) {
    assertThat(NodeRequestAttributes.subresources(path)).isEqualTo(List.of(expected.split(" ")));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "GET, get",
    "POST, create",
    "PUT, update",
    "PATCH, patch",
    "DELETE, delete",
    "OPTIONS, ''"
  })
  void verbs(String method, String verb) {
    assertThat(NodeRequestAttributes.verb(HttpMethod.valueOf(method))).isEqualTo(verb);
  }

  @ParameterizedTest
  @CsvSource({"POST, /exec/ns/p/c"})
  void attributesNameTheNode(String method, String path) {
    List<AccessAttributes> checks =
        NodeRequestAttributes.of("vk-1", HttpMethod.valueOf(method), path);
    assertThat(checks).containsExactly(new AccessAttributes("create", "vk-1", "proxy", path));
    assertThat(checks.get(0).resource()).isEqualTo("nodes");
  }
}
