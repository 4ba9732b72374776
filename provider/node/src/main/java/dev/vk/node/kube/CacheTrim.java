package dev.vk.node.kube;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.informer.TransformFunc;

/**
 * What the node's watch caches keep of an object: everything but {@code managedFields}, which the
 * node never reads and which is often the largest part of a pod (one entry per field manager).
 */
public final class CacheTrim {
  /** Drops managedFields; safe for any object, idempotent. */
  public static final TransformFunc MANAGED_FIELDS =
      (KubernetesObject o) -> {
        if (o.getMetadata() != null) {
          o.getMetadata().setManagedFields(null);
        }
        return o;
      };

  private CacheTrim() {}
}
