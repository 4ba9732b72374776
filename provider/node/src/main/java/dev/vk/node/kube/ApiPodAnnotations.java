package dev.vk.node.kube;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.node.pod.NodeWrites;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.util.PatchUtils;
import java.util.Map;

/** Merges provider annotations into a pod's metadata with one merge patch. */
final class ApiPodAnnotations {
  private final ApiClient client;
  private final CoreV1Api api;
  private final NodeWrites writes;

  ApiPodAnnotations(ApiClient client, NodeWrites writes) {
    this.client = client;
    this.api = new CoreV1Api(client);
    this.writes = writes;
  }

  void merge(V1Pod pod, Map<String, String> annotations) throws ProviderException {
    // Before the patch: its watch event must find these keys known as the node's own.
    writes.annotating(annotations.keySet());
    Map<String, String> current = pod.getMetadata().getAnnotations();
    if (current != null && current.entrySet().containsAll(annotations.entrySet())) {
      return; // already there: no call
    }
    String name = pod.getMetadata().getName();
    String namespace = pod.getMetadata().getNamespace();
    // The uid precondition keeps a same-name pod created meanwhile from being annotated.
    String body =
        JSON.serialize(
            Map.of(
                "metadata", Map.of("uid", pod.getMetadata().getUid(), "annotations", annotations)));
    try {
      PatchUtils.patch(
          V1Pod.class,
          () -> api.patchNamespacedPod(name, namespace, new V1Patch(body)).buildCall(null),
          V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH,
          client);
    } catch (ApiException e) {
      if (ApiErrors.notFound(e) || ApiErrors.conflict(e)) {
        return; // the pod is gone or replaced: nothing left to annotate
      }
      throw new ProviderException(
          ProviderException.Kind.UNAVAILABLE,
          "cannot annotate pod " + namespace + "/" + name + ": " + ApiErrors.describe(e),
          e);
    }
  }
}
