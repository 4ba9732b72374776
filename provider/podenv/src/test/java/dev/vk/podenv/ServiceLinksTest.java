package dev.vk.podenv;

import static dev.vk.podenv.Fixtures.NS;
import static dev.vk.podenv.Fixtures.RUNTIME;
import static dev.vk.podenv.Fixtures.container;
import static dev.vk.podenv.Fixtures.env;
import static dev.vk.podenv.Fixtures.literal;
import static dev.vk.podenv.Fixtures.pod;
import static dev.vk.podenv.Fixtures.port;
import static dev.vk.podenv.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.kubernetes.client.openapi.models.V1Pod;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Service link variables, named exactly as envvars.FromServices names them. */
class ServiceLinksTest {

  private final InMemoryObjectLookup lookup = new InMemoryObjectLookup();
  private final EnvironmentResolver resolver = new EnvironmentResolver(lookup);

  private Map<String, String> resolveApp(V1Pod pod) {
    Resolution r = resolver.resolve(pod, RUNTIME);
    assertThat(r.failure()).isEmpty();
    return env(r, "app");
  }

  private static V1Pod linksDisabled(V1Pod pod) {
    pod.getSpec().enableServiceLinks(false);
    return pod;
  }

  @Test
  void everyPortGetsHostPortAndDockerLinkVariables() {
    lookup.put(
        service(
            NS,
            "redis-primary",
            "10.96.0.20",
            port("client", 6379, "TCP"),
            port("gossip", 16379, "UDP")));

    assertThat(resolveApp(pod(container("app"))))
        .containsExactly(
            entry("REDIS_PRIMARY_SERVICE_HOST", "10.96.0.20"),
            entry("REDIS_PRIMARY_SERVICE_PORT", "6379"),
            entry("REDIS_PRIMARY_SERVICE_PORT_CLIENT", "6379"),
            entry("REDIS_PRIMARY_SERVICE_PORT_GOSSIP", "16379"),
            entry("REDIS_PRIMARY_PORT", "tcp://10.96.0.20:6379"),
            entry("REDIS_PRIMARY_PORT_6379_TCP", "tcp://10.96.0.20:6379"),
            entry("REDIS_PRIMARY_PORT_6379_TCP_PROTO", "tcp"),
            entry("REDIS_PRIMARY_PORT_6379_TCP_PORT", "6379"),
            entry("REDIS_PRIMARY_PORT_6379_TCP_ADDR", "10.96.0.20"),
            entry("REDIS_PRIMARY_PORT_16379_UDP", "udp://10.96.0.20:16379"),
            entry("REDIS_PRIMARY_PORT_16379_UDP_PROTO", "udp"),
            entry("REDIS_PRIMARY_PORT_16379_UDP_PORT", "16379"),
            entry("REDIS_PRIMARY_PORT_16379_UDP_ADDR", "10.96.0.20"));
  }

  @Test
  void unnamedPortDefaultsToTcpAndIpv6IsBracketedInUrls() {
    lookup.put(
        service(NS, "api", "fd00::53", port(null, 80, null), port("metrics-http", 9090, "SCTP")));

    assertThat(resolveApp(pod(container("app"))))
        .containsEntry("API_SERVICE_PORT", "80")
        .containsEntry("API_SERVICE_PORT_METRICS_HTTP", "9090")
        .containsEntry("API_PORT", "tcp://[fd00::53]:80")
        .containsEntry("API_PORT_80_TCP_ADDR", "fd00::53")
        .containsEntry("API_PORT_9090_SCTP", "sctp://[fd00::53]:9090")
        .doesNotContainKey("API_SERVICE_PORT_");
  }

  @ParameterizedTest(name = "clusterIP \"{0}\"")
  @CsvSource({"None", "''"})
  void servicesWithoutClusterIpAreIgnored(String clusterIp) {
    lookup.put(service(NS, "headless", clusterIp, port("http", 80, "TCP")));

    assertThat(resolveApp(pod(container("app")))).isEmpty();
  }

  @Test
  void servicesOfOtherNamespacesAreIgnored() {
    lookup.put(service("other", "db", "10.96.0.30", port("pg", 5432, "TCP")));

    assertThat(resolveApp(pod(container("app")))).isEmpty();
  }

  @Test
  void theKubernetesServiceIsAlwaysInjectedEvenWithLinksDisabled() {
    lookup.put(service("default", "kubernetes", "10.96.0.1", port("https", 443, "TCP")));
    lookup.put(service("default", "other", "10.96.0.9", port("http", 80, "TCP")));
    lookup.put(service(NS, "db", "10.96.0.30", port("pg", 5432, "TCP")));

    Map<String, String> env = resolveApp(linksDisabled(pod(container("app"))));

    assertThat(env)
        .containsEntry("KUBERNETES_SERVICE_HOST", "10.96.0.1")
        .containsEntry("KUBERNETES_SERVICE_PORT", "443")
        .containsEntry("KUBERNETES_SERVICE_PORT_HTTPS", "443")
        .containsEntry("KUBERNETES_PORT", "tcp://10.96.0.1:443")
        .hasSize(8);
  }

  @Test
  void linksEnabledAddTheNamespaceServicesAfterKubernetes() {
    lookup.put(service(NS, "db", "10.96.0.30", port("pg", 5432, "TCP")));
    lookup.put(service("default", "kubernetes", "10.96.0.1", port("https", 443, "TCP")));

    Map<String, String> env = resolveApp(pod(container("app")));

    assertThat(env.keySet()).first().isEqualTo("KUBERNETES_SERVICE_HOST");
    assertThat(env).containsEntry("DB_SERVICE_HOST", "10.96.0.30").hasSize(16);
  }

  @Test
  void aKubernetesServiceInThePodNamespaceReplacesTheMasterOneOnlyWithLinks() {
    lookup.put(service("default", "kubernetes", "10.96.0.1", port("https", 443, "TCP")));
    lookup.put(service(NS, "kubernetes", "10.100.0.1", port("https", 8443, "TCP")));

    assertThat(resolveApp(pod(container("app"))))
        .containsEntry("KUBERNETES_SERVICE_HOST", "10.100.0.1")
        .containsEntry("KUBERNETES_SERVICE_PORT", "8443");
    assertThat(resolveApp(linksDisabled(pod(container("app")))))
        .containsEntry("KUBERNETES_SERVICE_HOST", "10.96.0.1");
  }

  @Test
  void podInTheDefaultNamespaceSeesItsServicesOnlyWithLinks() {
    lookup.put(service("default", "kubernetes", "10.96.0.1", port("https", 443, "TCP")));
    lookup.put(service("default", "web", "10.96.0.5", port("http", 80, "TCP")));
    V1Pod pod = pod(container("app"));
    pod.getMetadata().namespace("default");

    assertThat(resolveApp(pod)).containsKeys("KUBERNETES_SERVICE_HOST", "WEB_SERVICE_HOST");
    assertThat(resolveApp(linksDisabled(pod)))
        .containsKey("KUBERNETES_SERVICE_HOST")
        .doesNotContainKey("WEB_SERVICE_HOST");
    assertThat(lookup.serviceLookups("default")).isEqualTo(2);
  }

  @Test
  void envOverridesAndReferencesServiceVariables() {
    lookup.put(service(NS, "db", "10.96.0.30", port("pg", 5432, "TCP")));
    V1Pod pod =
        pod(
            container(
                "app",
                literal("DB_SERVICE_PORT", "6543"),
                literal("DSN", "postgres://$(DB_SERVICE_HOST):$(DB_SERVICE_PORT)/shop")));

    Map<String, String> env = resolveApp(pod);

    assertThat(env.keySet()).startsWith("DB_SERVICE_HOST", "DB_SERVICE_PORT");
    assertThat(env)
        .containsEntry("DB_SERVICE_PORT", "6543")
        .containsEntry("DSN", "postgres://10.96.0.30:6543/shop");
  }

  @Test
  void servicesAreListedOncePerResolveAndAFailedListStopsThePod() {
    lookup.failServices(NS, "forbidden");

    Resolution r = resolver.resolve(pod(container("one"), container("two")), RUNTIME);

    assertThat(r.failure()).contains("failed to list services when setting up env vars: forbidden");
    assertThat(lookup.serviceLookups(NS)).isEqualTo(1);
    assertThat(lookup.serviceLookups("default")).isEqualTo(1);
  }
}
