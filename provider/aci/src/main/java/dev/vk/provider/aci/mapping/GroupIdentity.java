package dev.vk.provider.aci.mapping;

import com.azure.resourcemanager.containerinstance.models.ContainerGroupIdentity;
import com.azure.resourcemanager.containerinstance.models.ContainerGroupIdentityUserAssignedIdentities;
import com.azure.resourcemanager.containerinstance.models.ResourceIdentityType;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.aci.config.AciSettings;
import dev.vk.provider.identity.IdentityPolicy;
import io.kubernetes.client.openapi.models.V1Pod;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The managed identities of a pod's group. The pod's ServiceAccount names them in its {@link
 * #ANNOTATION} annotation ({@code system}, user-assigned identity resource ids, or both,
 * comma-separated); the same annotation on the pod may pick a subset; the {@link IdentityPolicy}
 * decides. Blocks on one ServiceAccount read when the pod or its account may name any.
 */
final class GroupIdentity {

  static final String ANNOTATION = "azure.vk.dev/managed-identity";

  private GroupIdentity() {}

  /** The group's identity, or null for none. */
  static ContainerGroupIdentity of(V1Pod pod, KubeObjects objects, IdentityPolicy policy)
      throws ProviderException {
    String namespace = pod.getMetadata().getNamespace();
    String account = pod.getSpec().getServiceAccountName();
    if (account == null || account.isBlank()) {
      account = "default";
    }
    Map<String, String> podAnnotations = pod.getMetadata().getAnnotations();
    String podField = "metadata.annotations[" + ANNOTATION + "]";
    Set<String> fromPod =
        parse(podField, podAnnotations == null ? null : podAnnotations.get(ANNOTATION));
    String accountField =
        "serviceaccount " + namespace + "/" + account + " annotation " + ANNOTATION;
    Set<String> fromAccount =
        parse(accountField, objects.serviceAccountAnnotations(namespace, account).get(ANNOTATION));
    Set<String> ids =
        policy.decide(
            namespace,
            account,
            new IdentityPolicy.Named(accountField, fromAccount),
            new IdentityPolicy.Named(podField, fromPod));
    return ids.isEmpty() ? null : identity(ids);
  }

  /** {@code identity} with the user-assigned identity {@code id} added; null stands for none. */
  static ContainerGroupIdentity withUserAssigned(ContainerGroupIdentity identity, String id) {
    Set<String> ids = new LinkedHashSet<>();
    if (identity != null) {
      ResourceIdentityType type = identity.type();
      if (type == ResourceIdentityType.SYSTEM_ASSIGNED
          || type == ResourceIdentityType.SYSTEM_ASSIGNED_USER_ASSIGNED) {
        ids.add("system");
      }
      if (identity.userAssignedIdentities() != null) {
        ids.addAll(identity.userAssignedIdentities().keySet());
      }
    }
    ids.add(id);
    return identity(ids);
  }

  private static Set<String> parse(String field, String value) throws ProviderException {
    Set<String> ids = new LinkedHashSet<>();
    if (value == null) {
      return ids;
    }
    for (String part : Arrays.stream(value.split(",")).map(String::trim).toList()) {
      if (part.isEmpty()) {
        continue;
      }
      if (!AciSettings.identityId(part)) {
        throw Rejection.of(field, "\"" + part + "\" is neither system nor an identity resource id");
      }
      ids.add(part.equalsIgnoreCase("system") ? "system" : part);
    }
    return ids;
  }

  private static ContainerGroupIdentity identity(Set<String> ids) {
    boolean system = ids.contains("system");
    Map<String, ContainerGroupIdentityUserAssignedIdentities> users = new LinkedHashMap<>();
    ids.stream()
        .filter(id -> !id.equals("system"))
        .forEach(id -> users.put(id, new ContainerGroupIdentityUserAssignedIdentities()));
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
}
