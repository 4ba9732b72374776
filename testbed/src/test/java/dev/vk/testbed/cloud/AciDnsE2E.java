package dev.vk.testbed.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vk.emulator.aci.AciEmulator;
import dev.vk.testbed.cluster.ControlPlane;
import dev.vk.testbed.cluster.RealCluster;
import io.kubernetes.client.openapi.models.V1Pod;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Cluster DNS for ACI pods on the real control plane: with {@code azure-cluster-dns} set to the
 * ClusterIP of the cluster's {@code kube-dns} Service, a pod's container group (VNet mode) resolves
 * through that Service with the kubelet's search list and {@code ndots:5}.
 */
@RealCluster
class AciDnsE2E {
  private static final String NODE = "vk-aci-dns-e2e";
  private static final String SUITE = "aci-dns-e2e";
  private static final String IMAGE = "mcr.microsoft.com/azuredocs/aci-helloworld";

  /** The testbed runs no DNS add-on; the Service stands where kube-dns stands in a cluster. */
  private static final String KUBE_DNS =
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: kube-dns
        namespace: kube-system
        labels: {k8s-app: kube-dns}
      spec:
        selector: {k8s-app: kube-dns}
        ports:
        - {name: dns, port: 53, protocol: UDP}
        - {name: dns-tcp, port: 53, protocol: TCP}
      """;

  private static ControlPlane cp;
  private static CloudCluster cluster;
  private static AciEmulator aci;
  private static ArmGroups arm;
  private static CloudNode node;
  private static boolean createdDns;
  private static String dnsIp;

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    cp = controlPlane;
    cluster = new CloudCluster(cp);
    createdDns = !cp.kubectl("-n", "kube-system", "get", "service", "kube-dns").ok();
    if (createdDns) {
      cluster.apply(KUBE_DNS);
    }
    dnsIp =
        cp.kubectl(
                "-n",
                "kube-system",
                "get",
                "service",
                "kube-dns",
                "-o",
                "jsonpath={.spec.clusterIP}")
            .orThrow()
            .stdout()
            .strip();
    aci = CloudNode.aciEmulator();
    arm = new ArmGroups(aci);
    node = CloudNode.azure(cp, aci, NODE, 10287, Map.of("azure-cluster-dns", dnsIp));
  }

  @AfterAll
  static void stop() {
    try {
      if (cluster != null) {
        cluster.deleteDeployments(SUITE);
      }
      if (createdDns) {
        cp.kubectl("-n", "kube-system", "delete", "service", "kube-dns").orThrow();
      }
    } finally {
      CloudNode.stop(node, aci);
    }
  }

  @Test
  @DisplayName(
      "a ClusterFirst pod's container group resolves through the kube-dns Service:"
          + " nameServers [ClusterIP], search default.svc.cluster.local svc.cluster.local"
          + " cluster.local, options ndots:5")
  void groupDnsPointsAtTheClusterDnsService() {
    assertThat(dnsIp).as("kube-dns has a ClusterIP").matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
    cluster.apply(CloudCluster.deployment(SUITE, "dns", NODE, "azure", 1, IMAGE, null));
    List<V1Pod> pods = cluster.awaitRunning("dns", NODE, 1, CloudCluster.PATIENCE);

    V1Pod pod = pods.get(0);
    List<JsonNode> groups = arm.ofPod("default", pod.getMetadata().getName());
    assertThat(groups).hasSize(1);
    JsonNode dns = groups.get(0).path("properties").path("dnsConfig");
    assertThat(dns.path("nameServers").isArray()).as("dnsConfig of %s", groups.get(0)).isTrue();
    assertThat(dns.path("nameServers").size()).isEqualTo(1);
    assertThat(dns.path("nameServers").path(0).asText()).isEqualTo(dnsIp);
    assertThat(dns.path("searchDomains").asText())
        .isEqualTo("default.svc.cluster.local svc.cluster.local cluster.local");
    assertThat(dns.path("options").asText()).isEqualTo("ndots:5");
  }
}
