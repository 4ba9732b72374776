package dev.vk.node.pod;

import dev.vk.node.kube.ApiErrors;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1HostIP;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodIP;
import io.kubernetes.client.openapi.models.V1PodStatus;
import io.kubernetes.client.util.PatchUtils;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a pod's status to the API server only when it differs from what the API already has. The
 * patch carries the pod's UID as a precondition, so a status never lands on a re-created pod of the
 * same name.
 */
public class StatusWriter {
  private final ApiClient client;
  private final CoreV1Api api;
  private final String hostIp;
  private final AtomicLong writes = new AtomicLong();

  public StatusWriter(ApiClient client, String hostIp) {
    this.client = client;
    this.api = client == null ? null : new CoreV1Api(client);
    this.hostIp = hostIp;
  }

  /**
   * Sends {@code status} unless it equals the pod's current status.
   *
   * @return whether a write was sent
   */
  public boolean write(V1Pod pod, V1PodStatus status) throws ApiException {
    complete(status);
    if (StatusComparison.same(pod.getStatus(), status)) {
      return false;
    }
    send(pod, status);
    writes.incrementAndGet();
    return true;
  }

  /** Status writes sent so far, for metrics and tests. */
  public long writes() {
    return writes.get();
  }

  /** Fills what a kubelet always reports and the API validates together. */
  private void complete(V1PodStatus status) {
    if (status.getHostIP() == null) {
      status.hostIP(hostIp);
    }
    status.hostIPs(List.of(new V1HostIP().ip(status.getHostIP())));
    if (status.getPodIP() != null) {
      status.podIPs(List.of(new V1PodIP().ip(status.getPodIP())));
    }
  }

  protected void send(V1Pod pod, V1PodStatus status) throws ApiException {
    String name = pod.getMetadata().getName();
    String namespace = pod.getMetadata().getNamespace();
    String body =
        client
            .getJSON()
            .serialize(
                Map.of("metadata", Map.of("uid", pod.getMetadata().getUid()), "status", status));
    try {
      PatchUtils.patch(
          V1Pod.class,
          () -> api.patchNamespacedPodStatus(name, namespace, new V1Patch(body)).buildCall(null),
          V1Patch.PATCH_FORMAT_STRATEGIC_MERGE_PATCH,
          client);
    } catch (ApiException e) {
      // The pod is gone or was replaced: its status no longer matters.
      if (!ApiErrors.goneOrReplaced(e)) {
        throw e;
      }
    }
  }
}
