package dev.vk.provider.aci.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.resourcemanager.containerinstance.fluent.models.ContainerGroupInner;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.ProviderContext;
import dev.vk.provider.aci.config.AciSettings;
import dev.vk.provider.identity.IdentityAllowlist;
import dev.vk.provider.testkit.Pods;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GroupIdentityTest {
  private static final String KEY = "azure.vk.dev/managed-identity";
  private static final String PULLER =
      "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.ManagedIdentity"
          + "/userAssignedIdentities/puller";
  private static final String ADMIN =
      "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.ManagedIdentity"
          + "/userAssignedIdentities/admin";

  @Test
  void theServiceAccountNamesTheIdentitiesTheAllowlistPermits() throws Exception {
    PodMapper mapper =
        mapper(Map.of("builder", "system, " + PULLER), "team/builder=system,team=" + PULLER);

    ContainerGroupInner group = mapper.map(pod("builder"));

    assertThat(group.identity().type().toString()).isEqualTo("SystemAssigned, UserAssigned");
    assertThat(group.identity().userAssignedIdentities()).containsOnlyKeys(PULLER);
  }

  @Test
  void anIdentityOutsideTheAllowlistIsRefusedNamingItAndTheSetting() {
    PodMapper mapper = mapper(Map.of("builder", ADMIN), "team=" + PULLER);

    assertThatThrownBy(() -> mapper.map(pod("builder")))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID_INPUT);
              assertThat(e.reason()).contains("IdentityNotAllowed");
            })
        .hasMessageContaining("identity " + ADMIN)
        .hasMessageContaining("azure-identity-allowlist");
  }

  @Test
  void aPodAnnotationAloneGivesNoIdentityEvenWhenTheAllowlistHasIt() {
    PodMapper mapper = mapper(Map.of(), "team=" + PULLER);
    V1Pod pod = pod("builder");
    pod.getMetadata().putAnnotationsItem(KEY, PULLER);

    assertThatThrownBy(() -> mapper.map(pod))
        .hasMessageContaining("does not name in serviceaccount team/builder annotation " + KEY)
        .hasMessageContaining("may only narrow");
  }

  @Test
  void aPodAnnotationMayNarrowItsServiceAccountsIdentities() throws Exception {
    PodMapper mapper = mapper(Map.of("builder", "system," + PULLER), "team=system,team=" + PULLER);
    V1Pod pod = pod("builder");
    pod.getMetadata().putAnnotationsItem(KEY, PULLER);

    ContainerGroupInner group = mapper.map(pod);

    assertThat(group.identity().type().toString()).isEqualTo("UserAssigned");
    assertThat(group.identity().userAssignedIdentities()).containsOnlyKeys(PULLER);
  }

  @Test
  void noIdentityNamedMeansNone() throws Exception {
    assertThat(mapper(Map.of(), "").map(pod("builder")).identity()).isNull();
  }

  @Test
  void anIdentityThatIsNeitherSystemNorAResourceIdIsRefused() {
    PodMapper mapper = mapper(Map.of("builder", "puller"), "");

    assertThatThrownBy(() -> mapper.map(pod("builder")))
        .hasMessage(
            "serviceaccount team/builder annotation azure.vk.dev/managed-identity: \"puller\" is"
                + " neither system nor an identity resource id");
  }

  @Test
  void aMalformedAllowlistStopsTheNodeWithOneLineNamingTheSetting() {
    Map<String, String> settings =
        Map.of(
            "subscription-id", "s1",
            "resource-group", "rg",
            "region", "westeurope",
            "identity-allowlist", "team=acr-pull");

    assertThatThrownBy(
            () ->
                AciSettings.from(
                    new ProviderContext(
                        "vk-node", "192.0.2.1", name -> Optional.ofNullable(settings.get(name)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "azure-identity-allowlist: 'team=acr-pull' is invalid; expected"
                + " <namespace>[/<serviceaccount>]=<identity> entries; entry 'team=acr-pull':"
                + " 'acr-pull' is not system or a user-assigned identity resource id");
  }

  private static V1Pod pod(String account) {
    V1Pod pod = Pods.pod("team", "web", Pods.container("app"));
    pod.getSpec().serviceAccountName(account);
    return pod;
  }

  /** A mapper whose ServiceAccounts (name to annotation value) live in namespace team. */
  private static PodMapper mapper(Map<String, String> accounts, String allowlist) {
    KubeObjects objects =
        new KubeObjects() {
          @Override
          public boolean available() {
            return true;
          }

          @Override
          public Optional<Map<String, byte[]>> secret(String namespace, String name) {
            return Optional.empty();
          }

          @Override
          public Optional<Map<String, byte[]>> configMap(String namespace, String name) {
            return Optional.empty();
          }

          @Override
          public Optional<String> token(V1Pod pod, String audience, Duration lifetime) {
            return Optional.empty();
          }

          @Override
          public Map<String, String> serviceAccountAnnotations(String namespace, String name) {
            String value = namespace.equals("team") ? accounts.get(name) : null;
            return value == null ? Map.of() : Map.of(KEY, value);
          }
        };
    return new PodMapper(
        new AciSettings.PodDefaults(
            "Linux", 1.0, 1.5, 4, 16, List.of(), "annotation", "V100", "c1", "vk-node"),
        "westeurope",
        objects,
        AciSettings.identities(
            IdentityAllowlist.parse(allowlist, AciSettings::identityId, "an identity")));
  }
}
