package dev.vk.provider.aci.arm;

import com.azure.resourcemanager.containerinstance.fluent.models.ContainerGroupInner;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The tags that tie a container group to its pod and to this node. They are the only state the
 * provider keeps: after a restart, groups are found again by listing and filtering on them.
 */
public final class GroupTags {

  /** Tag names; their values are the pod's, the node's and the cluster's. */
  public static final String UID = "pod-uid";

  public static final String NAMESPACE = "pod-namespace";
  public static final String NAME = "pod-name";
  public static final String NODE = "node-name";
  public static final String CLUSTER = "cluster-id";
  public static final String CREATED = "pod-created";

  private GroupTags() {}

  public static Map<String, String> of(V1ObjectMeta pod, String nodeName, String clusterId) {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put(UID, pod.getUid());
    tags.put(NAMESPACE, pod.getNamespace());
    tags.put(NAME, pod.getName());
    tags.put(NODE, nodeName);
    tags.put(CLUSTER, clusterId);
    if (pod.getCreationTimestamp() != null) {
      tags.put(CREATED, pod.getCreationTimestamp().toString());
    }
    return tags;
  }

  public static Optional<String> get(ContainerGroupInner group, String tag) {
    return Optional.ofNullable(group.tags()).map(t -> t.get(tag));
  }

  /** Whether the group was made by this node (same node name and cluster id). */
  public static boolean ownedBy(ContainerGroupInner group, String nodeName, String clusterId) {
    return get(group, NODE).filter(nodeName::equals).isPresent()
        && get(group, CLUSTER).orElse("").equals(clusterId)
        && get(group, UID).isPresent()
        && get(group, NAMESPACE).isPresent()
        && get(group, NAME).isPresent();
  }
}
