package dev.vk.emulator.aci.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throwaway certificate authority and the server certificate it signs. The CA is kept in a state
 * directory ({@value #CA_CERT}, {@value #CA_KEY}) so clients configured to trust it keep working
 * across emulator restarts; the server certificate is issued afresh on every start.
 */
public final class TestCertificateAuthority {

  /** The CA certificate, PEM. */
  public static final String CA_CERT = "ca.pem";

  /** The CA private key, PKCS#8 PEM. */
  public static final String CA_KEY = "ca-key.pem";

  /** A PKCS#12 trust store holding the CA, for {@code -Djavax.net.ssl.trustStore}. */
  public static final String TRUST_STORE = "truststore.p12";

  /** Password of {@value #TRUST_STORE}. */
  public static final String TRUST_STORE_PASSWORD = "changeit";

  private final X509Certificate caCertificate;
  private final PrivateKey serverKey;
  private final X509Certificate serverCertificate;
  private final Path caCertificatePath;
  private final Path trustStorePath;

  private TestCertificateAuthority(
      X509Certificate ca,
      PrivateKey serverKey,
      X509Certificate server,
      Path caPath,
      Path trustPath) {
    this.caCertificate = ca;
    this.serverKey = serverKey;
    this.serverCertificate = server;
    this.caCertificatePath = caPath;
    this.trustStorePath = trustPath;
  }

  /**
   * Loads the CA from {@code stateDir} or creates it there, then issues a server certificate for
   * {@code hostnames} (DNS names or IP literals).
   */
  public static TestCertificateAuthority open(Path stateDir, List<String> hostnames)
      throws IOException, GeneralSecurityException {
    Files.createDirectories(stateDir);
    Path certPath = stateDir.resolve(CA_CERT);
    Path keyPath = stateDir.resolve(CA_KEY);
    X509Certificate ca;
    PrivateKey caKey;
    if (Files.exists(certPath) && Files.exists(keyPath)) {
      ca = Pem.readCertificate(certPath);
      caKey = Pem.readPrivateKey(keyPath);
    } else {
      KeyPair caPair = Certificates.newKeyPair();
      ca = Certificates.selfSignedCa(caPair, "vk-aci-emulator test CA", Duration.ofDays(3650));
      caKey = caPair.getPrivate();
      Pem.writePrivateKey(keyPath, caKey);
      Pem.writeCertificate(certPath, ca);
    }
    KeyPair serverPair = Certificates.newKeyPair();
    X509Certificate server =
        Certificates.serverCertificate(serverPair, ca, caKey, hostnames, Duration.ofDays(365));
    Path trustPath = stateDir.resolve(TRUST_STORE);
    try (OutputStream out = Files.newOutputStream(trustPath)) {
      trustStore(ca).store(out, TRUST_STORE_PASSWORD.toCharArray());
    }
    return new TestCertificateAuthority(ca, serverPair.getPrivate(), server, certPath, trustPath);
  }

  /** The CA certificate. */
  public X509Certificate caCertificate() {
    return caCertificate;
  }

  /** Where the CA certificate is stored, PEM. */
  public Path caCertificatePath() {
    return caCertificatePath;
  }

  /** Where the PKCS#12 trust store is stored (password {@value #TRUST_STORE_PASSWORD}). */
  public Path trustStorePath() {
    return trustStorePath;
  }

  /** The server's private key. */
  public PrivateKey serverKey() {
    return serverKey;
  }

  /** The server certificate, signed by the CA. */
  public X509Certificate serverCertificate() {
    return serverCertificate;
  }

  /** An in-memory trust store holding only the CA. */
  public KeyStore trustStore() throws GeneralSecurityException {
    return trustStore(caCertificate);
  }

  /** A client {@link SSLContext} trusting only the CA. */
  public SSLContext clientSslContext() throws GeneralSecurityException {
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trustStore());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, tmf.getTrustManagers(), new SecureRandom());
    return context;
  }

  private static KeyStore trustStore(X509Certificate ca) throws GeneralSecurityException {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setCertificateEntry("vk-aci-emulator-ca", ca);
      return store;
    } catch (IOException e) {
      throw new GeneralSecurityException(e);
    }
  }

  static BigInteger serial() {
    return new BigInteger(64, new SecureRandom()).add(BigInteger.ONE);
  }

  static Instant notBefore() {
    return Instant.now().minus(Duration.ofDays(1));
  }
}
