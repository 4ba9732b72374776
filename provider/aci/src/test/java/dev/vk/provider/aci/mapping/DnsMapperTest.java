package dev.vk.provider.aci.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.resourcemanager.containerinstance.models.DnsConfiguration;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.aci.config.WorkloadSettings;
import io.kubernetes.client.openapi.models.V1PodDNSConfig;
import io.kubernetes.client.openapi.models.V1PodDNSConfigOption;
import io.kubernetes.client.openapi.models.V1PodSpec;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** dnsPolicy and dnsConfig to the group's dnsConfig, as the kubelet builds resolv.conf. */
class DnsMapperTest {

  private static final WorkloadSettings CLUSTER =
      new WorkloadSettings(
          List.of("10.96.0.10"), "cluster.local", Optional.empty(), List.of(), Optional.empty());

  @Test
  void clusterFirstIsTheDefaultAndPointsAtTheClusterDnsService() throws Exception {
    DnsMapper.Mapped m = DnsMapper.map("team", new V1PodSpec(), CLUSTER, true);

    assertThat(m.warning()).isNull();
    assertThat(m.config().nameServers()).containsExactly("10.96.0.10");
    assertThat(m.config().searchDomains())
        .isEqualTo("team.svc.cluster.local svc.cluster.local cluster.local");
    assertThat(m.config().options()).isEqualTo("ndots:5");
  }

  @Test
  void clusterFirstWithHostNetIsClusterFirstForAPodWithoutHostNetwork() throws Exception {
    DnsConfiguration c =
        DnsMapper.map("team", new V1PodSpec().dnsPolicy("ClusterFirstWithHostNet"), CLUSTER, true)
            .config();

    assertThat(c.nameServers()).containsExactly("10.96.0.10");
  }

  @Test
  void aPodDnsConfigIsAppendedAndItsOptionsOverrideByName() throws Exception {
    V1PodSpec spec =
        new V1PodSpec()
            .dnsConfig(
                new V1PodDNSConfig()
                    .nameservers(List.of("1.1.1.1", "10.96.0.10"))
                    .searches(List.of("corp.example", "svc.cluster.local"))
                    .options(
                        List.of(
                            new V1PodDNSConfigOption().name("ndots").value("2"),
                            new V1PodDNSConfigOption().name("edns0"))));

    DnsConfiguration c = DnsMapper.map("team", spec, CLUSTER, true).config();

    assertThat(c.nameServers()).containsExactly("10.96.0.10", "1.1.1.1");
    assertThat(c.searchDomains())
        .isEqualTo("team.svc.cluster.local svc.cluster.local cluster.local corp.example");
    assertThat(c.options()).isEqualTo("ndots:2 edns0");
  }

  @Test
  void defaultKeepsAcisOwnResolver() throws Exception {
    DnsMapper.Mapped m = DnsMapper.map("team", new V1PodSpec().dnsPolicy("Default"), CLUSTER, true);

    assertThat(m.config()).isNull();
    assertThat(m.warning()).isNull();
  }

  @Test
  void noneGivesOnlyThePodsConfig() throws Exception {
    V1PodSpec spec =
        new V1PodSpec()
            .dnsPolicy("None")
            .dnsConfig(
                new V1PodDNSConfig().nameservers(List.of("9.9.9.9")).searches(List.of("a.b")));

    DnsConfiguration c = DnsMapper.map("team", spec, CLUSTER, true).config();

    assertThat(c.nameServers()).containsExactly("9.9.9.9");
    assertThat(c.searchDomains()).isEqualTo("a.b");
    assertThat(c.options()).isNull();
  }

  @Test
  void withoutAClusterDnsIpClusterFirstFallsBackToDefaultWithAWarning() throws Exception {
    DnsMapper.Mapped m = DnsMapper.map("team", new V1PodSpec(), WorkloadSettings.NONE, true);

    assertThat(m.config()).isNull();
    assertThat(m.warning()).contains("azure-cluster-dns").contains("falling back to Default");
  }

  @Test
  void outsideAVirtualNetworkClusterFirstFallsBackToDefaultWithAWarning() throws Exception {
    DnsMapper.Mapped m = DnsMapper.map("team", new V1PodSpec(), CLUSTER, false);

    assertThat(m.config()).isNull();
    assertThat(m.warning()).contains("virtual network").contains("azure-subnet-ids");
  }

  @Test
  void aDnsConfigThatCannotBeHonouredIsRefused() {
    V1PodDNSConfig config = new V1PodDNSConfig().nameservers(List.of("9.9.9.9"));
    refused(new V1PodSpec().dnsConfig(config), CLUSTER, false, "spec.dnsConfig: ", "virtual");
    refused(
        new V1PodSpec().dnsPolicy("None").dnsConfig(config),
        CLUSTER,
        false,
        "spec.dnsPolicy: ",
        "virtual network");
    refused(
        new V1PodSpec().dnsPolicy("Default").dnsConfig(config),
        CLUSTER,
        true,
        "spec.dnsConfig: ",
        "dnsPolicy None");
    refused(
        new V1PodSpec().dnsConfig(config),
        WorkloadSettings.NONE,
        true,
        "spec.dnsConfig: ",
        "the fallback of ClusterFirst");
    refused(
        new V1PodSpec()
            .dnsPolicy("None")
            .dnsConfig(new V1PodDNSConfig().searches(List.of("only.search"))),
        CLUSTER,
        true,
        "spec.dnsConfig.nameservers: ",
        "at least one");
    refused(
        new V1PodSpec()
            .dnsConfig(new V1PodDNSConfig().nameservers(List.of("1.1.1.1", "2.2.2.2", "3.3.3.3"))),
        CLUSTER,
        true,
        "spec.dnsConfig.nameservers: ",
        "3 name servers");
  }

  private static void refused(
      V1PodSpec spec, WorkloadSettings settings, boolean vnet, String field, String why) {
    assertThatThrownBy(() -> DnsMapper.map("team", spec, settings, vnet))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID_INPUT))
        .hasMessageStartingWith(field)
        .hasMessageContaining(why);
  }
}
