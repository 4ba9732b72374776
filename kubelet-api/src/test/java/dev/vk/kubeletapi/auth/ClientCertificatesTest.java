package dev.vk.kubeletapi.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.kubeletapi.spi.UserInfo;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ClientCertificatesTest {
  @Test
  @DisplayName("CN is the user, every O a group")
  void subject() {
    assertThat(
            ClientCertificates.user(
                new X500Principal("CN=kube-apiserver-kubelet-client, O=system:masters, O=ops")))
        .contains(UserInfo.of("kube-apiserver-kubelet-client", List.of("system:masters", "ops")));
  }

  @Test
  @DisplayName("a certificate without CN authenticates nobody")
  void noCommonName() {
    assertThat(ClientCertificates.user(new X500Principal("O=system:masters"))).isEmpty();
  }

  @Test
  @DisplayName("no TLS session, no certificate user")
  void noSession() {
    assertThat(ClientCertificates.user((javax.net.ssl.SSLSession) null)).isEmpty();
  }
}
