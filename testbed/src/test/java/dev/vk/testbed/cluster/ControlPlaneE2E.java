package dev.vk.testbed.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.VersionApi;
import io.kubernetes.client.openapi.models.V1DaemonEndpoint;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1NodeAddress;
import io.kubernetes.client.openapi.models.V1NodeDaemonEndpoints;
import io.kubernetes.client.openapi.models.V1NodeStatus;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/** The shared E2E control plane works as a cluster for virtual-kubelet nodes. */
@RealCluster
class ControlPlaneE2E {

  private final ControlPlane cluster;
  private final CoreV1Api admin;

  ControlPlaneE2E(ControlPlane cluster) {
    this.cluster = cluster;
    this.admin = new CoreV1Api(cluster.apiClient());
  }

  @Test
  void serverIsKubernetes1344() throws ApiException {
    CommandResult version = cluster.kubectl("version", "-o", "json").orThrow();
    JsonObject json = JsonParser.parseString(version.stdout()).getAsJsonObject();
    assertThat(json.getAsJsonObject("serverVersion").get("gitVersion").getAsString())
        .isEqualTo("v1.34.4");
    assertThat(new VersionApi(cluster.apiClient()).getCode().execute().getGitVersion())
        .isEqualTo("v1.34.4");
  }

  @Test
  void apiServerIsReady() {
    assertThat(cluster.kubectl("get", "--raw", "/readyz").orThrow().stdout()).isEqualTo("ok");
    assertThat(cluster.apiServerUrl()).isEqualTo("https://10.251.0.1:6443");
    assertThat(cluster.nodeAddress()).isEqualTo("10.251.0.2");
  }

  @Test
  void controllerManagerCreatedDefaultServiceAccount() throws ApiException {
    V1ServiceAccount sa = admin.readNamespacedServiceAccount("default", "default").execute();
    assertThat(sa.getMetadata().getName()).isEqualTo("default");
    // The root CA ConfigMap that projected service account volumes need comes from it too.
    assertThat(admin.readNamespacedConfigMap("kube-root-ca.crt", "default").execute().getData())
        .containsKey("ca.crt");
  }

  @Test
  void nodeIdentityCreatesItsOwnNode() throws ApiException {
    NodeCredentials creds = cluster.nodeCredentials("probe-node");
    assertThat(cluster.kubectlAs(creds.kubeconfig(), "auth", "whoami").orThrow().stdout())
        .contains("system:node:probe-node")
        .contains("system:nodes");
    CoreV1Api asNode = new CoreV1Api(cluster.apiClient(creds.kubeconfig()));
    try {
      asNode.createNode(node("probe-node", Map.of("type", "virtual-kubelet"))).execute();
      assertThat(admin.readNode("probe-node").execute().getMetadata().getLabels())
          .containsEntry("type", "virtual-kubelet");
      // The Node authorizer limits it to its own Node.
      assertThatThrownBy(() -> asNode.createNode(node("someone-else", Map.of())).execute())
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(403));
    } finally {
      deleteNode("probe-node");
      deleteNode("someone-else");
    }
  }

  /**
   * NodeRestriction forbids a node to set kubernetes.io/role (any kubernetes.io/ label not
   * allowed).
   */
  @Test
  void nodeRestrictionForbidsRoleLabel() {
    NodeCredentials creds = cluster.nodeCredentials("probe-node-role");
    CoreV1Api asNode = new CoreV1Api(cluster.apiClient(creds.kubeconfig()));
    try {
      assertThatThrownBy(
              () ->
                  asNode
                      .createNode(
                          node(
                              "probe-node-role",
                              Map.of("type", "virtual-kubelet", "kubernetes.io/role", "agent")))
                      .execute())
          .isInstanceOfSatisfying(
              ApiException.class,
              e -> {
                assertThat(e.getCode()).isEqualTo(403);
                assertThat(e.getResponseBody())
                    .contains(
                        "node \\\"probe-node-role\\\" is not allowed to set the following labels:"
                            + " kubernetes.io/role");
              });
    } finally {
      deleteNode("probe-node-role");
    }
  }

  /**
   * The apiserver in the netns reaches a node listening on {@link ControlPlane#nodeAddress()}
   * through the veth for nodes/proxy (which refuses loopback), presenting the kubelet client
   * certificate, and the node's serving certificate is valid for that address.
   */
  @Test
  void apiServerReachesNodeThroughVeth() throws Exception {
    NodeCredentials creds = cluster.nodeCredentials("probe-node-proxy");
    AtomicReference<String> client = new AtomicReference<>();
    HttpsServer server = HttpsServer.create(new InetSocketAddress(cluster.nodeAddress(), 0), 0);
    SSLContext tls = serverTls(creds);
    server.setHttpsConfigurator(
        new HttpsConfigurator(tls) {
          @Override
          public void configure(HttpsParameters params) {
            SSLParameters ssl = getSSLContext().getDefaultSSLParameters();
            ssl.setNeedClientAuth(true);
            params.setSSLParameters(ssl);
          }
        });
    server.createContext(
        "/healthz",
        exchange -> {
          String answer;
          int status = 200;
          try {
            client.set(((HttpsExchange) exchange).getSSLSession().getPeerPrincipal().getName());
            answer = "node ok";
          } catch (RuntimeException | SSLPeerUnverifiedException e) {
            status = 500;
            answer = e.toString();
          }
          byte[] body = answer.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      CoreV1Api asNode = new CoreV1Api(cluster.apiClient(creds.kubeconfig()));
      V1Node node = node("probe-node-proxy", Map.of("type", "virtual-kubelet"));
      node.status(
          new V1NodeStatus()
              .addresses(
                  List.of(new V1NodeAddress().type("InternalIP").address(cluster.nodeAddress())))
              .daemonEndpoints(
                  new V1NodeDaemonEndpoints()
                      .kubeletEndpoint(
                          new V1DaemonEndpoint().port(server.getAddress().getPort()))));
      asNode.createNode(node).execute();

      CommandResult proxied =
          cluster.kubectl("get", "--raw", "/api/v1/nodes/probe-node-proxy/proxy/healthz");
      assertThat(proxied.orThrow().stdout()).isEqualTo("node ok");
      assertThat(client.get())
          .contains("CN=kube-apiserver-kubelet-client")
          .contains("O=system:masters");
    } finally {
      server.stop(0);
      deleteNode("probe-node-proxy");
    }
  }

  private static V1Node node(String name, Map<String, String> labels) {
    return new V1Node().metadata(new V1ObjectMeta().name(name).labels(labels));
  }

  private void deleteNode(String name) {
    try {
      admin.deleteNode(name).execute();
    } catch (ApiException e) {
      if (e.getCode() != 404) {
        throw new IllegalStateException("cannot delete node " + name + ": " + e.getCode(), e);
      }
    }
  }

  /** TLS with the node's serving pair, requiring clients signed by the kubelet client CA. */
  private static SSLContext serverTls(NodeCredentials creds) throws Exception {
    CertificateFactory x509 = CertificateFactory.getInstance("X.509");
    Certificate cert;
    try (InputStream in = Files.newInputStream(creds.servingCert())) {
      cert = x509.generateCertificate(in);
    }
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry("node", pkcs8(creds.servingKey()), new char[0], new Certificate[] {cert});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, new char[0]);

    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    try (InputStream in = Files.newInputStream(creds.clientCaCert())) {
      trust.setCertificateEntry("ca", (X509Certificate) x509.generateCertificate(in));
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);

    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    return tls;
  }

  private static PrivateKey pkcs8(Path pem) throws Exception {
    String text = Files.readString(pem);
    String base64 =
        text.replace("-----BEGIN PRIVATE KEY-----", "")
            .replace("-----END PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
    byte[] der = Base64.getDecoder().decode(base64);
    return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
  }
}
