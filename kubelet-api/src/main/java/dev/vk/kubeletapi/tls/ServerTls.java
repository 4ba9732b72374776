package dev.vk.kubeletapi.tls;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
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
    PrivateKey key;
    X509Certificate[] chain;
    if (certFile != null) {
      key = PemFiles.privateKey(keyFile);
      chain = PemFiles.certificates(certFile);
    } else {
      log.warn(
          "no serving certificate configured: using a self-signed certificate for {}; clients that"
              + " verify the kubelet (metrics-server) will refuse it",
          selfSignedHosts);
      SelfSignedCertificate generated = SelfSignedCertificate.generate(selfSignedHosts);
      key = generated.key();
      chain = new X509Certificate[] {generated.certificate()};
    }
    try {
      // The JDK's SSLContext wrapped by Netty, not Netty's SslContextBuilder: its server context
      // first builds a throw-away one from a built-in RSA key (read with Bouncy Castle, stored in
      // PKCS#12 key stores) and then key-stores ours; together about a second of C1 CPU at start.
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(
          new KeyManager[] {new FixedKeyManager(key, chain)},
          clientCaFile == null ? null : trustManagers(PemFiles.certificates(clientCaFile)),
          null);
      return new JdkSslContext(
          tls,
          false,
          CIPHERS,
          SupportedCipherSuiteFilter.INSTANCE,
          ApplicationProtocolConfig.DISABLED,
          clientCaFile == null ? ClientAuth.NONE : ClientAuth.OPTIONAL,
          PROTOCOLS.toArray(String[]::new),
          false);
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot build the kubelet API's TLS context: " + e.getMessage(), e);
    }
  }

  /** Trusts exactly these CA certificates (no password-protected entries: nothing to encrypt). */
  private static TrustManager[] trustManagers(X509Certificate[] cas)
      throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    for (int i = 0; i < cas.length; i++) {
      store.setCertificateEntry("ca-" + i, cas[i]);
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return factory.getTrustManagers();
  }
}
