package dev.vk.node.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.kubeletapi.tls.SelfSignedCertificate;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class ChaChaFirstTest {
  private static X509TrustManager trust;

  @Test
  void movesChaChaToTheFrontAndKeepsTheRest() {
    assertThat(
            ChaChaFirst.order(
                new String[] {
                  "TLS_AES_128_GCM_SHA256",
                  "TLS_AES_256_GCM_SHA384",
                  "TLS_CHACHA20_POLY1305_SHA256",
                  "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
                  "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"
                }))
        .containsExactly(
            "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_AES_128_GCM_SHA256",
            "TLS_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
  }

  /**
   * Through OkHttp, as the node's clients connect: a server that follows the client's order (as a
   * Go API server does then) agrees on ChaCha20; with OkHttp's own order it agrees on AES-GCM.
   */
  @Test
  void aServerFollowingTheClientAgreesOnChaCha() throws Exception {
    SSLContext tls = context();
    OkHttpClient plain =
        new OkHttpClient.Builder().sslSocketFactory(tls.getSocketFactory(), trust).build();
    assertThat(handshake(tls, ChaChaFirst.apply(plain).build()))
        .isEqualTo("TLS_CHACHA20_POLY1305_SHA256");
    assertThat(handshake(tls, plain)).as("OkHttp's own order").startsWith("TLS_AES_");
  }

  private static String handshake(SSLContext tls, OkHttpClient client) throws Exception {
    try (SSLServerSocket server =
        (SSLServerSocket)
            tls.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      SSLParameters follow = server.getSSLParameters();
      follow.setUseCipherSuitesOrder(false); // the client's order decides, as in Go's TLS 1.3
      server.setSSLParameters(follow);
      CompletableFuture<Void> served =
          CompletableFuture.runAsync(
              () -> {
                try (SSLSocket s = (SSLSocket) server.accept()) {
                  BufferedReader in =
                      new BufferedReader(
                          new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                  for (String line = in.readLine(); line != null && !line.isEmpty(); ) {
                    line = in.readLine(); // the request's head
                  }
                  OutputStream out = s.getOutputStream();
                  out.write(
                      "HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n"
                          .getBytes(StandardCharsets.US_ASCII));
                  out.flush();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      Request request =
          new Request.Builder().url("https://localhost:" + server.getLocalPort() + "/").build();
      try (Response response = client.newCall(request).execute()) {
        served.join();
        return response.handshake().cipherSuite().javaName();
      }
    }
  }

  private static SSLContext context() throws Exception {
    SelfSignedCertificate cert = SelfSignedCertificate.generate(List.of("localhost"));
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("k", cert.key(), new char[0], new Certificate[] {cert.certificate()});
    store.setCertificateEntry("ca", cert.certificate());
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, new char[0]);
    TrustManagerFactory trusts =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trusts.init(store);
    trust = (X509TrustManager) trusts.getTrustManagers()[0];
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(keys.getKeyManagers(), trusts.getTrustManagers(), null);
    return tls;
  }
}
