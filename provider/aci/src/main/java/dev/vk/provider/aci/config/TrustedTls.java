package dev.vk.provider.aci.config;

import dev.vk.provider.settings.SettingException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS trust the provider uses for ARM, Entra ID and the exec WebSockets: the JDK's CAs plus,
 * when {@code ca-file} is set, the CAs in that PEM file (an emulator's or a proxy's).
 *
 * @param trustManager trusts the JDK's CAs and the extra ones
 * @param sslContext built on {@code trustManager}
 */
public record TrustedTls(X509TrustManager trustManager, SSLContext sslContext) {

  /** Loads the CA file, if any. Blocks on disk I/O. */
  public static TrustedTls load(Optional<Path> caFile) {
    try {
      X509TrustManager jdk = trustManager(null);
      if (caFile.isEmpty()) {
        return of(jdk);
      }
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int n = 0;
      for (X509Certificate ca : jdk.getAcceptedIssuers()) {
        store.setCertificateEntry("jdk-" + n++, ca);
      }
      try (InputStream in = Files.newInputStream(caFile.get())) {
        for (Certificate ca : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
          store.setCertificateEntry("extra-" + n++, ca);
        }
      }
      return of(trustManager(store));
    } catch (IOException | GeneralSecurityException e) {
      throw new SettingException(
          AciSettings.PREFIX + "ca-file",
          caFile.get().toString(),
          "a PEM file of CA certificates (" + e.getMessage() + ")");
    }
  }

  private static TrustedTls of(X509TrustManager trust) throws GeneralSecurityException {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new X509TrustManager[] {trust}, null);
    return new TrustedTls(trust, context);
  }

  private static X509TrustManager trustManager(KeyStore store) throws GeneralSecurityException {
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return (X509TrustManager) factory.getTrustManagers()[0];
  }
}
