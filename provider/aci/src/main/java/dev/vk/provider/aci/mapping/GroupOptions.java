package dev.vk.provider.aci.mapping;

import com.azure.resourcemanager.containerinstance.fluent.models.ContainerGroupInner;
import com.azure.resourcemanager.containerinstance.models.ConfidentialComputeProperties;
import com.azure.resourcemanager.containerinstance.models.ContainerGroupPriority;
import com.azure.resourcemanager.containerinstance.models.ContainerGroupSku;
import dev.vk.kubelet.types.ProviderException;
import java.util.Map;

/**
 * Group options chosen per pod by annotation: Spot priority and the confidential SKU (and its CCE
 * policy). Managed identities are {@link GroupIdentity}'s: the ServiceAccount chooses those.
 */
final class GroupOptions {

  static final String PRIORITY = "azure.vk.dev/priority";
  static final String SKU = "virtual-kubelet.io/container-sku";
  static final String CCE_POLICY = "virtual-kubelet.io/confidential-compute-cce-policy";

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
  }

  private static String annotationField(String key) {
    return "metadata.annotations[" + key + "]";
  }
}
