package dev.vk.provider.aci.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The cluster DNS, ACR identity and registry settings: defaults and one-line refusals. */
class WorkloadSettingsTest {

  private static final String MI =
      "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/pull";

  @Test
  void defaultsAreTheKubeletsWithoutClusterDns() {
    WorkloadSettings s = read(Map.of());

    assertThat(s.clusterDns()).isEmpty();
    assertThat(s.clusterDomain()).isEqualTo("cluster.local");
    assertThat(s.acrIdentity()).isEmpty();
    assertThat(s.pullsWithIdentity("x.azurecr.io")).isFalse();
  }

  @Test
  void anAcrIdentityPullsFromAzurecrIoUnlessServersAreListed() {
    WorkloadSettings s = read(Map.of("acr-identity", MI));
    assertThat(s.pullsWithIdentity("myreg.azurecr.io")).isTrue();
    assertThat(s.pullsWithIdentity("docker.io")).isFalse();

    WorkloadSettings listed =
        read(Map.of("acr-identity", MI, "acr-login-servers", "reg.example.com,*.azurecr.cn"));
    assertThat(listed.pullsWithIdentity("reg.example.com")).isTrue();
    assertThat(listed.pullsWithIdentity("a.azurecr.cn")).isTrue();
    assertThat(listed.pullsWithIdentity("a.azurecr.io")).isFalse();
  }

  @Test
  void badValuesFailWithOneLineNamingTheSetting() {
    assertThatThrownBy(() -> read(Map.of("cluster-dns", "kube-dns")))
        .hasMessage("azure setting azure-cluster-dns must list IP addresses, got \"kube-dns\"");
    assertThatThrownBy(() -> read(Map.of("cluster-dns", "10.0.0")))
        .hasMessageStartingWith("azure setting azure-cluster-dns must list IP addresses");
    assertThatThrownBy(() -> read(Map.of("cluster-domain", "Cluster_Local")))
        .hasMessageStartingWith("azure setting azure-cluster-domain must be a DNS name");
    assertThatThrownBy(() -> read(Map.of("acr-identity", "pull")))
        .hasMessageStartingWith("azure setting azure-acr-identity must be");
    assertThatThrownBy(() -> read(Map.of("acr-login-servers", "a.azurecr.io")))
        .hasMessage("azure setting azure-acr-login-servers needs azure-acr-identity");
    assertThatThrownBy(() -> read(Map.of("image-registry-url", "localhost:5000")))
        .hasMessageStartingWith("azure setting azure-image-registry-url must be an http(s)://");
  }

  @Test
  void clusterDnsTakesAListOfIps() {
    assertThat(read(Map.of("cluster-dns", "10.0.0.10, fd00::a")).clusterDns())
        .containsExactly("10.0.0.10", "fd00::a");
  }

  private static WorkloadSettings read(Map<String, String> values) {
    return WorkloadSettings.from(new SettingReader(name -> Optional.ofNullable(values.get(name))));
  }
}
