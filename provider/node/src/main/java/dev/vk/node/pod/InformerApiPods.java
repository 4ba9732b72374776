package dev.vk.node.pod;

import dev.vk.node.kube.ApiErrors;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.informer.cache.Indexer;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1DeleteOptions;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodStatus;
import io.kubernetes.client.openapi.models.V1Preconditions;
import io.kubernetes.client.util.PatchUtils;
import java.util.List;
import java.util.Map;

/** {@link ApiPods} backed by the pod informer's cache and the API server. */
public final class InformerApiPods implements ApiPods {
  private final Indexer<V1Pod> indexer;
  private final ApiClient client;
  private final CoreV1Api api;

  public InformerApiPods(Indexer<V1Pod> indexer, ApiClient client) {
    this.indexer = indexer;
    this.client = client;
    this.api = new CoreV1Api(client);
  }

  @Override
  public V1Pod get(String key) {
    return indexer.getByKey(key);
  }

  @Override
  public List<V1Pod> list() {
    return indexer.list();
  }

  @Override
  public void deleteNow(V1Pod pod) throws ApiException {
    V1DeleteOptions options =
        new V1DeleteOptions()
            .gracePeriodSeconds(0L)
            .preconditions(new V1Preconditions().uid(pod.getMetadata().getUid()));
    try {
      // Executed without a return type: the deleted pod in the response is not parsed.
      client.execute(
          api.deleteNamespacedPod(pod.getMetadata().getName(), pod.getMetadata().getNamespace())
              .gracePeriodSeconds(0)
              .body(options)
              .buildCall(null));
    } catch (ApiException e) {
      if (!ApiErrors.goneOrReplaced(e)) {
        throw e;
      }
    }
  }

  @Override
  public void patchStatus(V1Pod pod, V1PodStatus status, Map<String, String> annotations)
      throws ApiException {
    String name = pod.getMetadata().getName();
    String namespace = pod.getMetadata().getNamespace();
    String body = StatusPatch.body(JSON.getGson(), pod, status, annotations);
    try {
      // No result type: the patched pod in the response (a few KB of JSON per write) is not
      // parsed; the informer delivers it anyway.
      PatchUtils.patch(
          (Class<V1Pod>) null,
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
