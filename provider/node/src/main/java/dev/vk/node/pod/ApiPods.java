package dev.vk.node.pod;

import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.util.List;
import java.util.Map;

/** The pods of this node as the API server has them, and the writes only a kubelet makes. */
public interface ApiPods {

  /** The cached pod by {@code namespace/name}, or null. Never blocks. */
  V1Pod get(String key);

  /** Every cached pod on this node. */
  List<V1Pod> list();

  /**
   * Removes the pod object with grace period 0 and a UID precondition, after its containers have
   * stopped. A pod already gone or replaced is not an error. May block.
   */
  void deleteNow(V1Pod pod) throws ApiException;

  /**
   * Replaces the pod's status, with its UID as precondition so that a status never lands on a
   * re-created pod of the same name, and merges {@code annotations} (often none) into its metadata
   * in the same write. A pod already gone or replaced is not an error. Idempotent; may block.
   */
  void patchStatus(V1Pod pod, V1PodStatus status, Map<String, String> annotations)
      throws ApiException;
}
