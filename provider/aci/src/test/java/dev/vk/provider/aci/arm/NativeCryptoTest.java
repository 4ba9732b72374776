package dev.vk.provider.aci.arm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.crypto.Cipher;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeCryptoTest {
  @Test
  @DisplayName(
      "once ready, TLS's AES-GCM comes from the native provider (Linux, glibc), unpacked from the"
          + " jar when the image's switch is on but java.library.path has no library (a checkout)")
  void aesGcmIsNative() throws Exception {
    // (the only test of this JVM that installs it)
    System.setProperty(NativeCrypto.EXTERNAL, "true");
    assertThat(NativeCrypto.ready()).isTrue();
    assertThat(System.getProperty(NativeCrypto.EXTERNAL)).as("the switch, turned off").isNull();
    assertThat(NativeCrypto.ready()).as("asked again").isTrue();
    assertThat(Cipher.getInstance("AES/GCM/NoPadding").getProvider().getName())
        .isEqualTo("AmazonCorrettoCryptoProvider");
  }

  @Test
  @DisplayName("the library counts as shipped only where a directory of java.library.path holds it")
  void findsTheLibraryOnTheLibraryPath(@TempDir Path empty, @TempDir Path shipped)
      throws Exception {
    Files.write(
        shipped.resolve(System.mapLibraryName("amazonCorrettoCryptoProvider")), new byte[1]);
    assertThat(NativeCrypto.onLibraryPath(empty + File.pathSeparator + shipped)).isTrue();
    assertThat(NativeCrypto.onLibraryPath(File.pathSeparator + shipped)).isTrue();
    assertThat(NativeCrypto.onLibraryPath(empty.toString())).isFalse();
    assertThat(NativeCrypto.onLibraryPath(shipped.resolve("missing").toString())).isFalse();
    assertThat(NativeCrypto.onLibraryPath("")).isFalse();
  }
}
