package dev.vk.emulator.aci.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** Reads and writes the PEM files of the CA with the JDK alone. */
final class Pem {

  private Pem() {}

  static void writeCertificate(Path path, X509Certificate certificate)
      throws IOException, GeneralSecurityException {
    Files.writeString(path, encode("CERTIFICATE", certificate.getEncoded()));
  }

  static void writePrivateKey(Path path, PrivateKey key) throws IOException {
    Files.writeString(path, encode("PRIVATE KEY", key.getEncoded()));
    path.toFile().setReadable(false, false);
    path.toFile().setReadable(true, true);
  }

  static X509Certificate readCertificate(Path path) throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(path)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  static PrivateKey readPrivateKey(Path path) throws IOException, GeneralSecurityException {
    String body =
        Files.readString(path, StandardCharsets.US_ASCII)
            .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
    return KeyFactory.getInstance("EC")
        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
  }

  private static String encode(String type, byte[] der) {
    String base64 =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
  }
}
