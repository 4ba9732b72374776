package dev.vk.provider.aci.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vk.provider.settings.SettingException;
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
        .isInstanceOf(SettingException.class)
        .hasMessage(
            "azure-cluster-dns: 'kube-dns' is invalid; expected a comma-separated list of IP"
                + " addresses");
    assertThatThrownBy(() -> read(Map.of("cluster-dns", "10.0.0")))
        .hasMessageStartingWith("azure-cluster-dns: '10.0.0' is invalid");
    assertThatThrownBy(() -> read(Map.of("cluster-domain", "Cluster_Local")))
        .hasMessageStartingWith("azure-cluster-domain: 'Cluster_Local' is invalid; expected");
    assertThatThrownBy(() -> read(Map.of("acr-identity", "pull")))
        .hasMessageStartingWith("azure-acr-identity: 'pull' is invalid; expected");
    assertThatThrownBy(() -> read(Map.of("acr-login-servers", "a.azurecr.io")))
        .hasMessage(
            "azure-acr-login-servers: 'a.azurecr.io' is invalid; expected azure-acr-identity set"
                + " with it");
    assertThatThrownBy(() -> read(Map.of("image-registry-url", "localhost:5000")))
        .hasMessage(
            "azure-image-registry-url: 'localhost:5000' is invalid; expected an absolute http or"
                + " https URL");
  }

  @Test
  void clusterDnsTakesAListOfIps() {
    assertThat(read(Map.of("cluster-dns", "10.0.0.10, fd00::a")).clusterDns())
        .containsExactly("10.0.0.10", "fd00::a");
  }

  private static WorkloadSettings read(Map<String, String> values) {
    return WorkloadSettings.from(AciSettings.reader(name -> Optional.ofNullable(values.get(name))));
  }
}
