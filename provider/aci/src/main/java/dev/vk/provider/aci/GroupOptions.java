package dev.vk.provider.aci;

import com.azure.resourcemanager.containerinstance.fluent.models.ContainerGroupInner;
import com.azure.resourcemanager.containerinstance.models.ConfidentialComputeProperties;
import com.azure.resourcemanager.containerinstance.models.ContainerGroupIdentity;
import com.azure.resourcemanager.containerinstance.models.ContainerGroupIdentityUserAssignedIdentities;
import com.azure.resourcemanager.containerinstance.models.ContainerGroupPriority;
import com.azure.resourcemanager.containerinstance.models.ContainerGroupSku;
import com.azure.resourcemanager.containerinstance.models.ResourceIdentityType;
import dev.vk.provider.ProviderException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Group options chosen per pod by annotation: Spot priority, the confidential SKU (and its CCE
 * policy), and managed identities.
 */
final class GroupOptions {

  static final String PRIORITY = "azure.vk.dev/priority";
  static final String SKU = "virtual-kubelet.io/container-sku";
  static final String CCE_POLICY = "virtual-kubelet.io/confidential-compute-cce-policy";
  static final String IDENTITY = "azure.vk.dev/managed-identity";

  private GroupOptions() {}

  static void apply(Map<String, String> annotations, ContainerGroupInner group)
      throws ProviderException {
    if (annotations == null) {
      return;
    }
    String priority = annotations.get(PRIORITY);
    if (priority != null) {
      if (!priority.equalsIgnoreCase("Spot") && !priority.equalsIgnoreCase("Regular")) {
        throw Rejection.of(annotationField(PRIORITY), "must be Spot or Regular");
      }
      group.withPriority(
          priority.equalsIgnoreCase("Spot")
              ? ContainerGroupPriority.SPOT
              : ContainerGroupPriority.REGULAR);
    }
    String sku = annotations.get(SKU);
    if (sku != null && !sku.equalsIgnoreCase("Confidential") && !sku.equalsIgnoreCase("Standard")) {
      throw Rejection.of(annotationField(SKU), "must be Confidential or Standard");
    }
    String policy = annotations.get(CCE_POLICY);
    if (policy != null || "Confidential".equalsIgnoreCase(sku)) {
      group.withSku(ContainerGroupSku.CONFIDENTIAL);
      if (policy != null) {
        group.withConfidentialComputeProperties(
            new ConfidentialComputeProperties().withCcePolicy(policy));
      }
    }
    String identity = annotations.get(IDENTITY);
    if (identity != null) {
      group.withIdentity(identity(identity));
    }
  }

  /** {@code system}, user-assigned identity resource ids, or both, comma-separated. */
  private static ContainerGroupIdentity identity(String value) throws ProviderException {
    List<String> parts =
        Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    boolean system = parts.stream().anyMatch("system"::equalsIgnoreCase);
    Map<String, ContainerGroupIdentityUserAssignedIdentities> users = new LinkedHashMap<>();
    for (String p : parts) {
      if (p.equalsIgnoreCase("system")) {
        continue;
      }
      if (!p.startsWith("/subscriptions/")) {
        throw Rejection.of(
            annotationField(IDENTITY),
            "\"" + p + "\" is neither system nor an identity resource id");
      }
      users.put(p, new ContainerGroupIdentityUserAssignedIdentities());
    }
    ResourceIdentityType type =
        users.isEmpty()
            ? ResourceIdentityType.SYSTEM_ASSIGNED
            : system
                ? ResourceIdentityType.SYSTEM_ASSIGNED_USER_ASSIGNED
                : ResourceIdentityType.USER_ASSIGNED;
    return new ContainerGroupIdentity()
        .withType(type)
        .withUserAssignedIdentities(users.isEmpty() ? null : users);
  }

  private static String annotationField(String key) {
    return "metadata.annotations[" + key + "]";
  }
}
