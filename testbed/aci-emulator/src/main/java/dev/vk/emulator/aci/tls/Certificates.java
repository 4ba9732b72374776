package dev.vk.emulator.aci.tls;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Issues EC P-256 certificates with Bouncy Castle; the JDK has no public X.509 writer. */
final class Certificates {

  private static final String SIGNATURE = "SHA256withECDSA";

  private Certificates() {}

  static KeyPair newKeyPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  static X509Certificate selfSignedCa(KeyPair pair, String commonName, Duration validity)
      throws GeneralSecurityException {
    X500Name name = new X500Name("CN=" + commonName);
    Instant from = TestCertificateAuthority.notBefore();
    try {
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              name,
              TestCertificateAuthority.serial(),
              Date.from(from),
              Date.from(from.plus(validity)),
              name,
              pair.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      builder.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      return sign(builder, pair.getPrivate());
    } catch (java.io.IOException e) {
      throw new GeneralSecurityException(e);
    }
  }

  static X509Certificate serverCertificate(
      KeyPair pair, X509Certificate ca, PrivateKey caKey, List<String> hostnames, Duration validity)
      throws GeneralSecurityException {
    Instant from = TestCertificateAuthority.notBefore();
    try {
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              ca,
              TestCertificateAuthority.serial(),
              Date.from(from),
              Date.from(from.plus(validity)),
              new X500Name("CN=" + hostnames.get(0)),
              pair.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      builder.addExtension(
          Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames(hostnames));
      return sign(builder, caKey);
    } catch (java.io.IOException e) {
      throw new GeneralSecurityException(e);
    }
  }

  private static GeneralNames alternativeNames(List<String> hostnames) {
    List<GeneralName> names = new ArrayList<>();
    for (String host : hostnames) {
      boolean ip = host.matches("[0-9.]+") || host.contains(":");
      names.add(
          new GeneralName(
              ip ? GeneralName.iPAddress : GeneralName.dNSName, ip ? literal(host) : host));
    }
    return new GeneralNames(names.toArray(GeneralName[]::new));
  }

  /** Normalizes an IP literal (e.g. {@code ::1}) without a DNS lookup. */
  private static String literal(String ip) {
    try {
      return InetAddress.getByName(ip).getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(ip, e);
    }
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
      throws GeneralSecurityException {
    try {
      return new JcaX509CertificateConverter()
          .getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE).build(key)));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
  }
}
