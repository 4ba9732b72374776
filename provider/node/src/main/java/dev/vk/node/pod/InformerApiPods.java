package dev.vk.node.pod;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
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
      api.deleteNamespacedPod(pod.getMetadata().getName(), pod.getMetadata().getNamespace())
          .gracePeriodSeconds(0)
          .body(options)
          .execute();
    } catch (ApiException e) {
      if (!ApiErrors.goneOrReplaced(e)) {
        throw e;
      }
    }
  }

  /**
   * A strategic-merge patch with the UID as precondition. {@code podIPs} is a list merged by IP, so
   * a new address (a replacement task) would be added beside the old one, which the API server
   * refuses; the {@code $patch: replace} element makes the list replace the old one.
   */
  static String patchBody(Gson gson, V1Pod pod, V1PodStatus status) {
    JsonObject body = new JsonObject();
    JsonObject metadata = new JsonObject();
    metadata.addProperty("uid", pod.getMetadata().getUid());
    body.add("metadata", metadata);
    JsonObject json = gson.toJsonTree(status).getAsJsonObject();
    for (String list : List.of("podIPs", "hostIPs")) {
      if (json.has(list) && json.get(list).isJsonArray()) {
        JsonObject replace = new JsonObject();
        replace.addProperty("$patch", "replace");
        json.getAsJsonArray(list).add(replace);
      }
    }
    body.add("status", json);
    return gson.toJson(body);
  }

  @Override
  public void patchStatus(V1Pod pod, V1PodStatus status) throws ApiException {
    String name = pod.getMetadata().getName();
    String namespace = pod.getMetadata().getNamespace();
    String body = patchBody(JSON.getGson(), pod, status);
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
