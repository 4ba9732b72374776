package dev.vk.node.pod;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import dev.vk.node.kube.ApiErrors;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1HostIP;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodIP;
import io.kubernetes.client.openapi.models.V1PodStatus;
import io.kubernetes.client.util.PatchUtils;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a pod's status to the API server only when it differs from what the API already has and
 * does not move it backwards ({@link StatusGuard}). The patch carries the pod's UID as a
 * precondition, so a status never lands on a re-created pod of the same name.
 */
public class StatusWriter {
  private final ApiClient client;
  private final CoreV1Api api;
  private final String hostIp;
  private final AtomicLong writes = new AtomicLong();
  private final AtomicLong unchanged = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final StatusGuard guard = new StatusGuard();

  public StatusWriter(ApiClient client, String hostIp) {
    this.client = client;
    this.api = client == null ? null : new CoreV1Api(client);
    this.hostIp = hostIp;
  }

  /**
   * Sends {@code status} unless it equals the pod's current status or would move it backwards.
   * Blocks on the API server; modifies {@code status}.
   *
   * @return whether a write was sent
   */
  public boolean write(V1Pod pod, V1PodStatus status) throws ApiException {
    if (guard.admit(pod, status).isEmpty()) {
      return false;
    }
    complete(status);
    if (StatusComparison.same(pod.getStatus(), status)) {
      unchanged.incrementAndGet();
      return false;
    }
    try {
      send(pod, status);
    } catch (ApiException | RuntimeException e) {
      failed.incrementAndGet();
      throw e;
    }
    writes.incrementAndGet();
    return true;
  }

  /** Status patches sent so far, for metrics and tests. */
  public long writes() {
    return writes.get();
  }

  /** Writes skipped because the API already had that status, for metrics. */
  public long unchanged() {
    return unchanged.get();
  }

  /** Patches the API server refused or that did not reach it, for metrics. */
  public long failed() {
    return failed.get();
  }

  /** Statuses refused because they would move a pod's status backwards, for metrics and tests. */
  public long refusals() {
    return guard.refusals();
  }

  /**
   * The node had the provider start this pod's containers afresh (see {@link StatusGuard#renewed}).
   * Idempotent, non-blocking.
   */
  public void renewed(V1Pod pod) {
    guard.renewed(PodFacts.uid(pod));
  }

  /** Forgets a pod that is gone. Idempotent, non-blocking. */
  public void forget(String uid) {
    guard.forget(uid);
  }

  /**
   * Fills what a kubelet always reports and the API validates together. The host is this node,
   * whatever address the provider gives its sandbox, as a kubelet reports its own address.
   */
  private void complete(V1PodStatus status) {
    status.hostIP(hostIp);
    status.hostIPs(List.of(new V1HostIP().ip(hostIp)));
    if (status.getPodIP() != null) {
      status.podIPs(List.of(new V1PodIP().ip(status.getPodIP())));
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

  protected void send(V1Pod pod, V1PodStatus status) throws ApiException {
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
