package dev.vk.node.kube;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dev.vk.node.events.EventRecorder;
import dev.vk.node.pod.NodeWrites;
import dev.vk.provider.KubernetesAccess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the providers read per pod through the node's {@link KubernetesAccess}, against a fake API
 * server that counts requests: the kube-api-access volume's {@code kube-root-ca.crt}, the pod's
 * ServiceAccount and a Secret. The first pod of a namespace lists and watches the ConfigMap and the
 * ServiceAccount once; the pods after it read only the Secret, by GET (Secrets are not watched).
 * Under an RBAC without list and watch, each pod reads by GET, as before.
 */
@Timeout(60)
class ReferencedObjectsIT {
  private static final String NS = "/api/v1/namespaces/team";
  private static final String CA = "kube-root-ca.crt";

  @RegisterExtension
  static final WireMockExtension api =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path dir;
  private ReferencedObjects objects;
  private KubernetesAccess access;

  /**
   * Loads the HTTP and JSON classes before any test, so that a cold JVM's first list does not
   * outlast the first read's wait (a real node is warm when its first pod arrives).
   */
  @BeforeAll
  static void warmUp(@TempDir Path dir) throws Exception {
    serve("configmaps", "warm", "{\"metadata\":{\"name\":\"warm\",\"namespace\":\"team\"}}");
    try (ReferencedObjects warm = ReferencedObjects.start(clients(dir))) {
      warm.configMap("team", "warm");
    }
  }

  private static KubeClients clients(Path dir) throws IOException {
    return TokenKubeconfig.clients(dir, api.baseUrl());
  }

  @BeforeEach
  void connect() throws IOException {
    KubeClients clients = clients(dir);
    objects = ReferencedObjects.start(clients);
    access =
        new ApiKubernetesAccess(clients.calls(), objects, EventRecorder.NOOP, new NodeWrites());
  }

  @AfterEach
  void close() {
    objects.close();
  }

  /** The list of one object by name, its watch (open, quiet) and its plain read. */
  private static void serve(String resource, String name, String object) {
    String path = NS + "/" + resource;
    api.stubFor(
        get(urlPathEqualTo(path))
            .withQueryParam("fieldSelector", equalTo("metadata.name=" + name))
            .withQueryParam("watch", absent())
            .willReturn(
                okJson("{\"metadata\":{\"resourceVersion\":\"10\"},\"items\":[" + object + "]}")));
    api.stubFor(
        get(urlPathEqualTo(path))
            .withQueryParam("fieldSelector", equalTo("metadata.name=" + name))
            .withQueryParam("watch", equalTo("true"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    // A quiet watch: its one line arrives after the test is over.
                    .withBody("{\"type\":\"BOOKMARK\",\"object\":{\"metadata\":{}}}\n")
                    .withChunkedDribbleDelay(2, 50_000)));
    api.stubFor(get(urlPathEqualTo(path + "/" + name)).willReturn(okJson(object)));
  }

  private static void refuseLists(String resource, String name) {
    api.stubFor(
        get(urlPathEqualTo(NS + "/" + resource))
            .withQueryParam("fieldSelector", equalTo("metadata.name=" + name))
            .atPriority(1)
            .willReturn(
                aResponse().withStatus(403).withBody("{\"kind\":\"Status\",\"code\":403}")));
  }

  private static int count(RequestPatternBuilder request) {
    return api.findAll(request).size();
  }

  private static RequestPatternBuilder reads(String resource, String name) {
    return getRequestedFor(urlPathEqualTo(NS + "/" + resource + "/" + name));
  }

  private static RequestPatternBuilder lists(String resource, String name, boolean watch) {
    return getRequestedFor(urlPathEqualTo(NS + "/" + resource))
        .withQueryParam("fieldSelector", equalTo("metadata.name=" + name))
        .withQueryParam("watch", watch ? equalTo("true") : absent());
  }

  /** What a Fargate or ACI pod with a kube-api-access volume and a Secret volume reads. */
  private void createPod() throws Exception {
    assertThat(access.configMap("team", CA).orElseThrow().getData()).containsEntry("ca.crt", "pem");
    assertThat(
            access.serviceAccount("team", "default").orElseThrow().getMetadata().getAnnotations())
        .containsEntry("eks.amazonaws.com/role-arn", "arn:aws:iam::1:role/web");
    assertThat(access.secret("team", "db").orElseThrow().getData().get("password"))
        .isEqualTo("s3cret".getBytes(StandardCharsets.UTF_8));
  }

  private void serveAll() {
    serve(
        "configmaps",
        CA,
        "{\"metadata\":{\"name\":\""
            + CA
            + "\",\"namespace\":\"team\"},\"data\":{\"ca.crt\":\"pem\"}}");
    serve(
        "serviceaccounts",
        "default",
        "{\"metadata\":{\"name\":\"default\",\"namespace\":\"team\",\"annotations\":"
            + "{\"eks.amazonaws.com/role-arn\":\"arn:aws:iam::1:role/web\"}}}");
    serve(
        "secrets",
        "db",
        "{\"metadata\":{\"name\":\"db\",\"namespace\":\"team\"},\"data\":{\"password\":\"czNjcmV0\"}}");
  }

  @Test
  @DisplayName("the second and later pods of a namespace read only their Secret")
  void laterPodsReadOnlyTheirSecret() throws Exception {
    serveAll();

    createPod();
    for (String[] object : new String[][] {{"configmaps", CA}, {"serviceaccounts", "default"}}) {
      await().until(() -> count(lists(object[0], object[1], true)) >= 1);
    }
    api.resetRequests();
    for (int pod = 0; pod < 10; pod++) {
      createPod();
    }

    assertThat(count(reads("secrets", "db"))).as("GETs of the secret").isEqualTo(10);
    assertThat(api.getAllServeEvents()).as("requests of ten more pods").hasSize(10);
  }

  @Test
  @DisplayName("the first pod lists the ConfigMap and ServiceAccount once, and reads its Secret")
  void firstPodListsAndWatches() throws Exception {
    serveAll();

    createPod();

    for (String[] object : new String[][] {{"configmaps", CA}, {"serviceaccounts", "default"}}) {
      assertThat(count(lists(object[0], object[1], false)))
          .as("lists of " + object[0])
          .isEqualTo(1);
      assertThat(count(reads(object[0], object[1]))).as("GETs of " + object[0]).isZero();
    }
    assertThat(count(lists("secrets", "db", false))).as("lists of the secret").isZero();
    assertThat(count(reads("secrets", "db"))).as("GETs of the secret").isEqualTo(1);
  }

  @Test
  @DisplayName("under an RBAC without list and watch every pod reads by GET, as before")
  void refusedListsFallBackToGets() throws Exception {
    serveAll();
    refuseLists("configmaps", CA);
    createPod();
    await().until(() -> count(lists("serviceaccounts", "default", true)) >= 1);
    api.resetRequests();

    createPod();

    assertThat(count(reads("configmaps", CA))).as("GETs of the CA").isEqualTo(1);
    assertThat(count(lists("configmaps", CA, false))).as("lists of the refused CA").isZero();
    assertThat(count(reads("secrets", "db"))).as("GETs of the secret").isEqualTo(1);
    assertThat(api.getAllServeEvents()).as("all requests of the second pod").hasSize(2);
  }
}
