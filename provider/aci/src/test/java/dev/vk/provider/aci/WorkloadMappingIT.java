package dev.vk.provider.aci;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.resourcemanager.containerinstance.fluent.models.ContainerGroupInner;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.vk.emulator.aci.AciEmulator;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.ProviderContext;
import dev.vk.provider.testkit.EmulatorExtension;
import dev.vk.provider.testkit.Pods;
import dev.vk.provider.testkit.TestingKubernetesAccess;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodDNSConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Cluster DNS, ACR pulls with the group's identity and args without command, from pod to the
 * container group the ARM emulator accepted and stored.
 */
class WorkloadMappingIT {

  @RegisterExtension final EmulatorExtension<AciEmulator> aci = Emulators.extension();
  private WireMockServer registry;
  private AciProvider provider;
  private final TestingKubernetesAccess kubernetes = new TestingKubernetesAccess();

  @BeforeEach
  void start() throws Exception {
    registry = new WireMockServer(options().dynamicPort());
    registry.start();
  }

  @AfterEach
  void stop() {
    registry.stop();
  }

  @Test
  void aClusterFirstPodInAVirtualNetworkResolvesThroughTheClusterDnsService() throws Exception {
    provider = provider("cluster-dns", "10.96.0.10", "cluster-domain", "cluster.local");
    V1Pod pod = TestPods.running("sleep 60");

    provider.createPod(pod);

    ContainerGroupInner group = group(pod);
    assertThat(group.dnsConfig().nameServers()).containsExactly("10.96.0.10");
    String ns = pod.getMetadata().getNamespace();
    assertThat(group.dnsConfig().searchDomains())
        .isEqualTo(ns + ".svc.cluster.local svc.cluster.local cluster.local");
    assertThat(group.dnsConfig().options()).isEqualTo("ndots:5");
    awaitRunning(pod);
  }

  @Test
  void outsideAVirtualNetworkClusterFirstFallsBackWithAWarningAndADnsConfigIsRefused()
      throws Exception {
    provider = provider("cluster-dns", "10.96.0.10", "subnet-ids", "");
    V1Pod pod = TestPods.running("sleep 60");

    provider.createPod(pod);

    assertThat(group(pod).dnsConfig()).isNull();
    assertThat(kubernetes.events)
        .anySatisfy(
            e ->
                assertThat(e)
                    .startsWith(pod.getMetadata().getName() + " Warning MissingClusterDNS: ")
                    .contains("virtual network"));

    V1Pod custom = TestPods.running("sleep 60");
    custom
        .getSpec()
        .dnsPolicy("None")
        .dnsConfig(new V1PodDNSConfig().nameservers(List.of("9.9.9.9")));
    long puts = aci.get().calls().count("containerGroups.createOrUpdate");
    assertThatThrownBy(() -> provider.createPod(custom))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID_INPUT))
        .hasMessageStartingWith("spec.dnsPolicy: ");
    assertThat(aci.get().calls().count("containerGroups.createOrUpdate")).isEqualTo(puts);
  }

  @Test
  void anAcrImageIsPulledWithTheIdentityTheEmulatorSeesAttached() throws Exception {
    String mi =
        "/subscriptions/"
            + aci.get().subscriptionId()
            + "/resourceGroups/vk-rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/pull";
    V1Pod pod = Pods.pod("acr-team", Pods.uniqueName("pod"), Pods.container("app"));
    pod.getSpec()
        .getContainers()
        .get(0)
        .image("myreg.azurecr.io/team/app:1")
        .command(List.of("sleep", "60"));
    provider = provider("acr-identity", mi, "identity-allowlist", "acr-team=" + mi);

    provider.createPod(pod);

    ContainerGroupInner group = group(pod);
    assertThat(group.imageRegistryCredentials())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.server()).isEqualTo("myreg.azurecr.io");
              assertThat(c.identity()).isEqualTo(mi);
            });
    assertThat(group.identity().userAssignedIdentities()).containsOnlyKeys(mi);
    awaitRunning(pod);
  }

  @Test
  void argsWithoutCommandRunAfterTheImagesEntrypointFromItsRegistry() throws Exception {
    registry.stubFor(
        get("/v2/tools/shell/manifests/1")
            .willReturn(okJson("{\"config\":{\"digest\":\"sha256:c\"}}")));
    registry.stubFor(
        get("/v2/tools/shell/blobs/sha256:c")
            .willReturn(okJson("{\"config\":{\"Entrypoint\":[\"sh\",\"-c\"]}}")));
    provider = provider("image-registry-url", registry.baseUrl());
    V1Pod pod = TestPods.sleeper();
    pod.getSpec()
        .getContainers()
        .get(0)
        .image("reg.example.com/tools/shell:1")
        .command(null)
        .args(List.of("sleep 60"));

    provider.createPod(pod);

    assertThat(group(pod).containers().get(0).command()).containsExactly("sh", "-c", "sleep 60");
    awaitRunning(pod);

    V1Pod unknown = TestPods.sleeper();
    unknown
        .getSpec()
        .getContainers()
        .get(0)
        .image("reg.example.com/tools/gone:1")
        .command(null)
        .args(List.of("x"));
    assertThatThrownBy(() -> provider.createPod(unknown))
        .hasMessageStartingWith("spec.containers[0].args: ")
        .hasMessageContaining("reg.example.com/tools/gone:1 was not found");
  }

  private AciProvider provider(String... extra) throws ProviderException {
    Map<String, String> settings = Emulators.settings(aci, extra);
    return aci.closeAfter(
        (AciProvider)
            new AciProviderFactory()
                .create(
                    new ProviderContext(
                        Emulators.NODE,
                        Emulators.NODE_IP,
                        name -> Optional.ofNullable(settings.get(name)),
                        kubernetes)));
  }

  private ContainerGroupInner group(V1Pod pod) throws ProviderException {
    return provider.requireGroup(pod.getMetadata().getNamespace(), pod.getMetadata().getName());
  }

  private void awaitRunning(V1Pod pod) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                provider
                    .getPod(pod.getMetadata().getNamespace(), pod.getMetadata().getName())
                    .map(p -> p.getStatus().getPhase())
                    .orElse(""),
            "Running"::equals);
  }
}
