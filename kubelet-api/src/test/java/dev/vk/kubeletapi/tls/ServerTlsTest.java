package dev.vk.kubeletapi.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerTlsTest {
  @TempDir Path dir;

  @Test
  @DisplayName("a generated certificate names every host as a SAN and serves TLS only")
  void selfSigned() throws Exception {
    SelfSignedCertificate generated =
        SelfSignedCertificate.generate(List.of("vk-1", "localhost", "127.0.0.1", "::1"));
    X509Certificate cert = generated.certificate();
    cert.checkValidity();
    assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=vk-1");
    assertThat(cert.getSubjectAlternativeNames())
        .extracting(san -> san.get(1).toString())
        .contains("vk-1", "localhost", "127.0.0.1");
    assertThat(cert.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1");
  }

  @Test
  @DisplayName(
      "PEM files and a client CA: TLS 1.2+ only, client certificates requested not required")
  void pemWithClientCa() throws Exception {
    SelfSignedCertificate serving = SelfSignedCertificate.generate(List.of("vk-1"));
    SelfSignedCertificate ca = SelfSignedCertificate.generate(List.of("client-ca"));
    Path cert = write("tls.crt", serving.certificate());
    Path key = write("tls.key", new JcaPKCS8Generator(serving.key(), null));
    Path caFile = write("ca.crt", ca.certificate());
    SslContext context = ServerTls.context(cert, key, List.of(), caFile);
    SSLEngine engine = context.newEngine(ByteBufAllocator.DEFAULT);
    assertThat(engine.getEnabledProtocols()).containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
    assertThat(engine.getEnabledCipherSuites())
        .isNotEmpty()
        .allSatisfy(
            suite ->
                assertThat(suite)
                    .as("AEAD, and ECDHE below TLS 1.3")
                    .matches(
                        "TLS_(AES_.*_GCM|CHACHA20_POLY1305)_SHA\\d+|TLS_ECDHE_.*_(GCM|POLY1305)_SHA\\d+"));
    assertThat(engine.getWantClientAuth()).isTrue();
    assertThat(engine.getNeedClientAuth()).isFalse();
  }

  @Test
  @DisplayName("without a client CA no certificate is requested")
  void noClientCa() throws Exception {
    SslContext context = ServerTls.context(null, null, List.of("localhost"), null);
    SSLEngine engine = context.newEngine(ByteBufAllocator.DEFAULT);
    assertThat(engine.getWantClientAuth()).isFalse();
  }

  private Path write(String name, Object pemObject) throws Exception {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(pemObject);
    }
    Path file = dir.resolve(name);
    Files.writeString(file, text.toString());
    return file;
  }
}
