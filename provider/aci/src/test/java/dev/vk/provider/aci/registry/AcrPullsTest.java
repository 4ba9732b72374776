package dev.vk.provider.aci.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.resourcemanager.containerinstance.fluent.models.ContainerGroupInner;
import com.azure.resourcemanager.containerinstance.models.ImageRegistryCredential;
import com.azure.resourcemanager.containerinstance.models.ResourceIdentityType;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.aci.config.AciSettings;
import dev.vk.provider.aci.config.WorkloadSettings;
import dev.vk.provider.aci.mapping.FixedObjects;
import dev.vk.provider.aci.mapping.PodMapper;
import dev.vk.provider.identity.IdentityAllowlist;
import dev.vk.provider.identity.IdentityPolicy;
import dev.vk.provider.testkit.Pods;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1LocalObjectReference;
import io.kubernetes.client.openapi.models.V1Pod;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** ACR images pulled with the group's managed identity, within the identity allowlist. */
class AcrPullsTest {

  private static final String MI =
      "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/pull";

  private static final WorkloadSettings ACR =
      new WorkloadSettings(
          List.of(), "cluster.local", Optional.of(MI), List.of("*.azurecr.io"), Optional.empty());

  @Test
  void anAcrImageGetsAnIdentityCredentialAndTheGroupTheIdentity() throws Exception {
    V1Pod pod = pod("myreg.azurecr.io/team/app:1");
    pod.getSpec().addInitContainersItem(new V1Container().name("init").image("busybox"));

    ContainerGroupInner group = mapper("team=" + MI, Map.of()).map(pod);

    assertThat(group.imageRegistryCredentials())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.server()).isEqualTo("myreg.azurecr.io");
              assertThat(c.identity()).isEqualTo(MI);
              assertThat(c.username()).isNull();
            });
    assertThat(group.identity().type()).isEqualTo(ResourceIdentityType.USER_ASSIGNED);
    assertThat(group.identity().userAssignedIdentities()).containsOnlyKeys(MI);
  }

  @Test
  void otherRegistriesAndRegistriesWithAPullSecretKeepTheirWay() throws Exception {
    assertThat(mapper("team=" + MI, Map.of()).map(pod("docker.io/library/nginx")).identity())
        .isNull();

    V1Pod withSecret = pod("myreg.azurecr.io/team/app:1");
    withSecret.getSpec().addImagePullSecretsItem(new V1LocalObjectReference().name("reg"));
    String config = "{\"auths\":{\"myreg.azurecr.io\":{\"username\":\"u\",\"password\":\"p\"}}}";
    ContainerGroupInner group =
        mapper("team=" + MI, Map.of("reg", FixedObjects.data(".dockerconfigjson", config)))
            .map(withSecret);

    assertThat(group.imageRegistryCredentials())
        .extracting(ImageRegistryCredential::username)
        .containsExactly("u");
    assertThat(group.identity()).isNull();
  }

  @Test
  void anIdentityTheAllowlistDoesNotAllowIsRefused() {
    assertThatThrownBy(() -> mapper("other=" + MI, Map.of()).map(pod("myreg.azurecr.io/app")))
        .isInstanceOfSatisfying(
            ProviderException.class, e -> assertThat(e.reason()).contains(IdentityPolicy.REASON))
        .hasMessageContaining("azure-acr-identity, to pull image myreg.azurecr.io/app")
        .hasMessageContaining("azure-identity-allowlist");
  }

  private static V1Pod pod(String image) {
    V1Pod pod = Pods.pod("team", "web");
    pod.getSpec().getContainers().get(0).image(image);
    return pod;
  }

  private static PodMapper mapper(String allowlist, Map<String, Map<String, byte[]>> secrets) {
    return new PodMapper(
        new AciSettings.PodDefaults(
            "Linux", 1.0, 1.5, 4, 16, List.of(), "annotation", "V100", "c1", "vk-node"),
        "westeurope",
        new FixedObjects(secrets),
        AciSettings.identities(
            IdentityAllowlist.parse(allowlist, AciSettings::identityId, "an identity")),
        ACR,
        Entrypoints.UNKNOWN);
  }
}
