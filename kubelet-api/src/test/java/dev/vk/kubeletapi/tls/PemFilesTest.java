package dev.vk.kubeletapi.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemObjectGenerator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemFilesTest {
  @TempDir Path dir;

  @Test
  @DisplayName("reads PKCS#8 keys")
  void pkcs8() throws Exception {
    ECPrivateKey key = (ECPrivateKey) ecKeyGenerator().generateKeyPair().getPrivate();
    Path file = write(new JcaPKCS8Generator(key, null).generate());
    assertThat(((ECPrivateKey) PemFiles.privateKey(file)).getS()).isEqualTo(key.getS());
  }

  @Test
  @DisplayName("reads PKCS#1 RSA keys (BEGIN RSA PRIVATE KEY)")
  void pkcs1() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    RSAPrivateCrtKey key = (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
    byte[] pkcs1 =
        PrivateKeyInfo.getInstance(key.getEncoded())
            .parsePrivateKey()
            .toASN1Primitive()
            .getEncoded();
    Path file = write(new PemObject("RSA PRIVATE KEY", pkcs1));
    assertThat(((RSAPrivateCrtKey) PemFiles.privateKey(file)).getPrivateExponent())
        .isEqualTo(key.getPrivateExponent());
  }

  @Test
  @DisplayName("reads SEC1 EC keys (BEGIN EC PRIVATE KEY) as openssl writes them")
  void sec1() throws Exception {
    ECPrivateKey key = (ECPrivateKey) ecKeyGenerator().generateKeyPair().getPrivate();
    PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
    org.bouncycastle.asn1.sec.ECPrivateKey inner =
        org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(info.parsePrivateKey());
    org.bouncycastle.asn1.sec.ECPrivateKey withParameters =
        new org.bouncycastle.asn1.sec.ECPrivateKey(
            256, inner.getKey(), info.getPrivateKeyAlgorithm().getParameters());
    Path file = write(new PemObject("EC PRIVATE KEY", withParameters.getEncoded()));
    assertThat(((ECPrivateKey) PemFiles.privateKey(file)).getS()).isEqualTo(key.getS());
  }

  @Test
  @DisplayName("a chain file yields every certificate; files without PEM content fail clearly")
  void certificatesAndErrors() throws Exception {
    SelfSignedCertificate a = SelfSignedCertificate.generate(List.of("a"));
    SelfSignedCertificate b = SelfSignedCertificate.generate(List.of("b"));
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(a.certificate());
      writer.writeObject(b.certificate());
    }
    Path chain = dir.resolve("chain.crt");
    Files.writeString(chain, text.toString());
    assertThat(PemFiles.certificates(chain)).hasSize(2);
    Path empty = dir.resolve("empty.pem");
    Files.writeString(empty, "nothing here\n");
    assertThatThrownBy(() -> PemFiles.privateKey(empty))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("no unencrypted private key");
    assertThatThrownBy(() -> PemFiles.certificates(empty)).isInstanceOf(IOException.class);
  }

  private static KeyPairGenerator ecKeyGenerator() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator;
  }

  private Path write(PemObjectGenerator pem) throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(pem);
    }
    Path file = Files.createTempFile(dir, "key", ".pem");
    Files.writeString(file, text.toString());
    return file;
  }
}
