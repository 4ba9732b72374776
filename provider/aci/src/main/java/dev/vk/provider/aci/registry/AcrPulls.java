package dev.vk.provider.aci.registry;

import com.azure.resourcemanager.containerinstance.models.ImageRegistryCredential;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.aci.config.WorkloadSettings;
import dev.vk.provider.identity.IdentityPolicy;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Pod;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Registry credentials that pull ACR images with the group's managed identity: one {@code
 * imageRegistryCredentials} entry with {@code identity} per ACR login server (matching {@code
 * acr-login-servers}) the pod's images use and no imagePullSecret covers. The identity is attached
 * to the group, so, as for any identity a pod gets, {@code identity-allowlist} must allow it for
 * the pod's ServiceAccount. Pure; never blocks.
 */
public final class AcrPulls {

  private AcrPulls() {}

  /**
   * The extra credentials; empty when no image needs one.
   *
   * @param fromSecrets the credentials of the pod's imagePullSecrets (they win), may be null
   * @throws ProviderException IdentityNotAllowed when the allowlist does not allow the identity
   */
  public static List<ImageRegistryCredential> credentials(
      V1Pod pod,
      List<ImageRegistryCredential> fromSecrets,
      WorkloadSettings settings,
      IdentityPolicy identities)
      throws ProviderException {
    if (settings.acrIdentity().isEmpty()) {
      return List.of();
    }
    Set<String> covered = new LinkedHashSet<>();
    if (fromSecrets != null) {
      fromSecrets.forEach(c -> covered.add(c.server().toLowerCase(Locale.ROOT)));
    }
    Set<String> servers = new LinkedHashSet<>();
    String field = null;
    List<V1Container> all = new ArrayList<>(pod.getSpec().getContainers());
    if (pod.getSpec().getInitContainers() != null) {
      all.addAll(pod.getSpec().getInitContainers());
    }
    for (int i = 0; i < all.size(); i++) {
      String host = ImageRef.parse(all.get(i).getImage()).host().toLowerCase(Locale.ROOT);
      if (settings.pullsWithIdentity(host) && !covered.contains(host) && servers.add(host)) {
        field = field == null ? "image " + all.get(i).getImage() : field;
      }
    }
    if (servers.isEmpty()) {
      return List.of();
    }
    String identity = settings.acrIdentity().get();
    String account = pod.getSpec().getServiceAccountName();
    identities.decide(
        pod.getMetadata().getNamespace(),
        account == null || account.isBlank() ? "default" : account,
        new IdentityPolicy.Named("azure-acr-identity, to pull " + field, Set.of(identity)),
        new IdentityPolicy.Named("metadata.annotations", Set.of()));
    return servers.stream()
        .map(s -> new ImageRegistryCredential().withServer(s).withIdentity(identity))
        .toList();
  }
}
