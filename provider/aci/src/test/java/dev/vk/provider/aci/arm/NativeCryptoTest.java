package dev.vk.provider.aci.arm;

import static org.assertj.core.api.Assertions.assertThat;

import javax.crypto.Cipher;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NativeCryptoTest {
  @Test
  @DisplayName("once ready, TLS's AES-GCM comes from the native provider (Linux, glibc)")
  void aesGcmIsNative() throws Exception {
    assertThat(NativeCrypto.ready()).isTrue();
    assertThat(NativeCrypto.ready()).as("asked again").isTrue();
    assertThat(Cipher.getInstance("AES/GCM/NoPadding").getProvider().getName())
        .isEqualTo("AmazonCorrettoCryptoProvider");
  }
}
