package dev.vk.provider.aci.registry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.resourcemanager.containerinstance.models.ImageRegistryCredential;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.vk.kubelet.types.ProviderException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The registry client against a stateless WireMock registry: the 401 → token → retry flow of public
 * registries, a private one's login from a pull secret, an OCI index, and its failures.
 */
class RegistryClientIT {

  private static final String INDEX = "application/vnd.oci.image.index.v1+json";
  private static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";

  private WireMockServer registry;
  private RegistryClient client;

  @BeforeEach
  void start() {
    registry = new WireMockServer(options().dynamicPort());
    registry.start();
    client =
        new RegistryClient(
            Optional.of(URI.create(registry.baseUrl())), "Linux", Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    registry.stop();
  }

  @Test
  void aPublicImageIsReadWithAnAnonymousBearerTokenThroughItsIndex() throws Exception {
    bearerChallenge("/v2/library/nginx/manifests/1.27", "repository:library/nginx:pull");
    registry.stubFor(
        get(urlPathEqualTo("/token"))
            .withQueryParam("service", equalTo("registry.test"))
            .withQueryParam("scope", equalTo("repository:library/nginx:pull"))
            .withHeader("Authorization", absent())
            .willReturn(okJson("{\"token\":\"anon\"}")));
    registry.stubFor(
        get("/v2/library/nginx/manifests/1.27")
            .withHeader("Authorization", equalTo("Bearer anon"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", INDEX)
                    .withBody(
                        """
                        {"schemaVersion":2,"mediaType":"%s","manifests":[
                          {"digest":"sha256:arm","platform":{"os":"linux","architecture":"arm64"}},
                          {"digest":"sha256:amd","platform":{"os":"linux","architecture":"amd64"}}]}
                        """
                            .formatted(INDEX))));
    registry.stubFor(
        get("/v2/library/nginx/manifests/sha256:amd")
            .withHeader("Authorization", equalTo("Bearer anon"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", MANIFEST)
                    .withBody("{\"config\":{\"digest\":\"sha256:cfg\"}}")));
    registry.stubFor(
        get("/v2/library/nginx/blobs/sha256:cfg")
            .withHeader("Authorization", equalTo("Bearer anon"))
            .willReturn(
                okJson(
                    "{\"config\":{\"Entrypoint\":[\"/docker-entrypoint.sh\"],"
                        + "\"Cmd\":[\"nginx\",\"-g\",\"daemon off;\"]}}")));

    assertThat(client.of(ImageRef.parse("nginx:1.27"), null))
        .containsExactly("/docker-entrypoint.sh");
    registry.verify(1, getRequestedFor(urlPathEqualTo("/token")));
  }

  @Test
  void aPrivateImageIsReadWithThePullSecretsLogin() throws Exception {
    bearerChallenge("/v2/team/app/manifests/2", "repository:team/app:pull");
    registry.stubFor(
        get(urlPathEqualTo("/token"))
            .withBasicAuth("puller", "s3cret")
            .willReturn(okJson("{\"access_token\":\"priv\"}")));
    registry.stubFor(
        get("/v2/team/app/manifests/2")
            .withHeader("Authorization", equalTo("Bearer priv"))
            .willReturn(okJson("{\"config\":{\"digest\":\"sha256:c2\"}}")));
    registry.stubFor(
        get("/v2/team/app/blobs/sha256:c2")
            .withHeader("Authorization", equalTo("Bearer priv"))
            .willReturn(okJson("{\"config\":{\"Cmd\":[\"run\"]}}")));
    List<ImageRegistryCredential> login =
        List.of(
            new ImageRegistryCredential()
                .withServer("reg.example.com")
                .withUsername("puller")
                .withPassword("s3cret"));

    assertThat(client.of(ImageRef.parse("reg.example.com/team/app:2"), login))
        .as("no ENTRYPOINT: the args are the whole command")
        .isEmpty();
  }

  @Test
  void aRefusedReadOrAMissingImageIsInvalidAnUnreachableRegistryUnavailable() throws Exception {
    bearerChallenge("/v2/team/secret/manifests/1", "repository:team/secret:pull");
    registry.stubFor(get(urlPathEqualTo("/token")).willReturn(aResponse().withStatus(401)));
    registry.stubFor(get("/v2/team/gone/manifests/1").willReturn(aResponse().withStatus(404)));

    assertThatThrownBy(() -> client.of(ImageRef.parse("reg.example.com/team/secret:1"), null))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID_INPUT))
        .hasMessageContaining("refused an anonymous read");
    assertThatThrownBy(() -> client.of(ImageRef.parse("reg.example.com/team/gone:1"), null))
        .hasMessageContaining("was not found");

    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    RegistryClient nowhere =
        new RegistryClient(
            Optional.of(URI.create("http://127.0.0.1:" + closed)), "Linux", Duration.ofSeconds(2));
    assertThatThrownBy(() -> nowhere.of(ImageRef.parse("busybox"), null))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAVAILABLE))
        .hasMessageContaining("cannot be reached");
  }

  @Test
  void entrypointsOfADigestAreReadOnce() throws Exception {
    registry.stubFor(
        get("/v2/library/app/manifests/sha256:d")
            .willReturn(okJson("{\"config\":{\"digest\":\"sha256:c\"}}")));
    registry.stubFor(
        get("/v2/library/app/blobs/sha256:c")
            .willReturn(okJson("{\"config\":{\"Entrypoint\":[\"/e\"]}}")));
    EntrypointCache cache = new EntrypointCache(client, Clock.systemUTC());

    cache.of(ImageRef.parse("app@sha256:d"), null);
    assertThat(cache.of(ImageRef.parse("app@sha256:d"), null)).containsExactly("/e");

    registry.verify(1, getRequestedFor(urlEqualTo("/v2/library/app/manifests/sha256:d")));
  }

  @Test
  void aBlobRedirectToStorageIsFollowedWithoutTheToken() throws Exception {
    registry.stubFor(
        get("/v2/library/cdn/manifests/1")
            .withHeader("Authorization", absent())
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("WWW-Authenticate", "Basic realm=\"registry\"")));
    registry.stubFor(
        get("/v2/library/cdn/manifests/1")
            .withBasicAuth("u", "p")
            .willReturn(okJson("{\"config\":{\"digest\":\"sha256:c\"}}")));
    registry.stubFor(
        get("/v2/library/cdn/blobs/sha256:c")
            .withBasicAuth("u", "p")
            .willReturn(aResponse().withStatus(307).withHeader("Location", "/storage/c?sig=1")));
    registry.stubFor(
        get("/storage/c?sig=1")
            .withHeader("Authorization", absent())
            .willReturn(okJson("{\"config\":{\"Entrypoint\":[\"/cdn\"]}}")));
    List<ImageRegistryCredential> login =
        List.of(
            new ImageRegistryCredential()
                .withServer("docker.io")
                .withUsername("u")
                .withPassword("p"));

    assertThat(client.of(ImageRef.parse("cdn:1"), login)).containsExactly("/cdn");
  }

  /** A realm answering 200 with no token is the registry's refusal, not a parser crash. */
  @Test
  void aTokenAnswerThatIsNotATokenIsTheRegistrysRefusal() {
    bearerChallenge("/v2/team/app/manifests/1", "repository:team/app:pull");
    for (String answer : List.of("<html>login</html>", "{\"expires_in\":60}")) {
      registry.stubFor(get(urlPathEqualTo("/token")).willReturn(okJson(answer)));
      assertThatThrownBy(() -> client.of(ImageRef.parse("reg.example.com/team/app:1"), null))
          .as(answer)
          .isInstanceOfSatisfying(
              ProviderException.class,
              e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID_INPUT))
          .hasMessageContaining("refused an anonymous read");
    }
  }

  private void bearerChallenge(String path, String scope) {
    registry.stubFor(
        get(path)
            .withHeader("Authorization", absent())
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader(
                        "WWW-Authenticate",
                        "Bearer realm=\""
                            + registry.baseUrl()
                            + "/token\",service=\"registry.test\",scope=\""
                            + scope
                            + "\"")));
  }
}
