package dev.vk.node.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.kubeletapi.tls.SelfSignedCertificate;
import java.net.InetAddress;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

class ChaChaFirstTest {
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

  /** A server that follows the client's order (as a Go API server does then) agrees on ChaCha20. */
  @Test
  void aServerFollowingTheClientAgreesOnChaCha() throws Exception {
    SSLContext tls = context();
    assertThat(handshake(tls, new ChaChaFirst(tls.getSocketFactory())))
        .isEqualTo("TLS_CHACHA20_POLY1305_SHA256");
    assertThat(handshake(tls, tls.getSocketFactory()))
        .as("the JDK's own order")
        .startsWith("TLS_AES_");
  }

  private static String handshake(SSLContext tls, SSLSocketFactory client) throws Exception {
    try (SSLServerSocket server =
        (SSLServerSocket)
            tls.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      SSLParameters follow = server.getSSLParameters();
      follow.setUseCipherSuitesOrder(false); // the client's order decides, as in Go's TLS 1.3
      server.setSSLParameters(follow);
      CompletableFuture<Void> accepted =
          CompletableFuture.runAsync(
              () -> {
                try (SSLSocket s = (SSLSocket) server.accept()) {
                  s.startHandshake();
                  s.getInputStream().read();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      try (SSLSocket s =
          (SSLSocket)
              client.createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
        s.startHandshake();
        String suite = s.getSession().getCipherSuite();
        s.getOutputStream().write(1);
        s.getOutputStream().flush();
        accepted.join();
        return suite;
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
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
    return tls;
  }
}
