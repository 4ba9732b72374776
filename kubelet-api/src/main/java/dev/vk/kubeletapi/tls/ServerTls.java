package dev.vk.kubeletapi.tls;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the server's TLS context: TLS 1.2 and 1.3, AEAD and ECDHE ciphers only. With a client CA,
 * certificates are requested but optional (a bearer token may authenticate instead) and verified
 * against the CA when presented.
 */
public final class ServerTls {
  private static final Logger log = LoggerFactory.getLogger(ServerTls.class);
  static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

  /**
   * AEAD ciphers only, with forward secrecy (ECDHE) for TLS 1.2, as Kubernetes components
   * recommend; TLS 1.3 suites are all AEAD and ephemeral.
   */
  static final List<String> CIPHERS =
      List.of(
          "TLS_AES_128_GCM_SHA256",
          "TLS_AES_256_GCM_SHA384",
          "TLS_CHACHA20_POLY1305_SHA256",
          "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
          "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
          "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
          "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
          "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
          "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

  private ServerTls() {}

  /**
   * @param certFile PEM certificate chain, or null to generate a self-signed certificate
   * @param keyFile PEM private key (PKCS#8, or PKCS#1/SEC1 thanks to BouncyCastle), or null
   * @param selfSignedHosts names for a generated certificate
   * @param clientCaFile PEM CA bundle for client certificates, or null to not request them
   */
  public static SslContext context(
      Path certFile, Path keyFile, List<String> selfSignedHosts, Path clientCaFile)
      throws IOException {
    SslContextBuilder builder;
    if (certFile != null) {
      builder =
          SslContextBuilder.forServer(
              PemFiles.privateKey(keyFile), PemFiles.certificates(certFile));
    } else {
      log.warn(
          "no serving certificate configured: using a self-signed certificate for {}; clients that"
              + " verify the kubelet (metrics-server) will refuse it",
          selfSignedHosts);
      SelfSignedCertificate generated = SelfSignedCertificate.generate(selfSignedHosts);
      builder = SslContextBuilder.forServer(generated.key(), generated.certificate());
    }
    builder
        .sslProvider(SslProvider.JDK)
        .protocols(PROTOCOLS)
        .ciphers(CIPHERS, SupportedCipherSuiteFilter.INSTANCE);
    if (clientCaFile != null) {
      builder.trustManager(PemFiles.certificates(clientCaFile)).clientAuth(ClientAuth.OPTIONAL);
    }
    return builder.build();
  }
}
