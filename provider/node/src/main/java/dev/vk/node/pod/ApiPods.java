package dev.vk.node.pod;

import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1Pod;
import java.util.List;

/** The pods of this node as the API server has them, and the one write only a kubelet makes. */
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
}
