package dev.vk.node.kube;

import dev.vk.node.pod.NodeWrites;
import dev.vk.provider.DaemonThreads;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.util.PatchUtils;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets provider annotations onto a pod. They wait in {@link NodeWrites} for the pod's next status
 * write, which carries them (a provider annotates as it starts a pod, and a status write follows);
 * whatever still waits after {@code carryWait} is merged with a patch of its own. Both go to {@code
 * pods/status}, which takes annotations, so the node needs no right to patch pods themselves.
 */
final class ApiPodAnnotations {
  private static final Logger log = LoggerFactory.getLogger(ApiPodAnnotations.class);

  /**
   * How long annotations wait for a status write before they are written alone: longer than a
   * provider's first status round after it starts a pod (Fargate describes starting tasks every 5
   * s), so that round's write carries them. With 2 s, half of a 1000-pod rollout's were alone.
   */
  static final Duration CARRY_WAIT = Duration.ofSeconds(10);

  /** Patches of annotations alone per pod before they are given up (logged). */
  private static final int ATTEMPTS = 3;

  private final ApiClient client;
  private final CoreV1Api api;
  private final NodeWrites writes;
  private final Duration carryWait;
  // Its thread starts with the first annotation: providers that never annotate never have it.
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(DaemonThreads.factory("pod-annotations"));

  ApiPodAnnotations(ApiClient client, NodeWrites writes, Duration carryWait) {
    this.client = client;
    this.api = new CoreV1Api(client);
    this.writes = writes;
    this.carryWait = carryWait;
  }

  /** Keeps the annotations for the pod's next status write. Never blocks. */
  void merge(V1Pod pod, Map<String, String> annotations) {
    Map<String, String> current = pod.getMetadata().getAnnotations();
    if (current != null && current.entrySet().containsAll(annotations.entrySet())) {
      writes.annotating(annotations.keySet()); // already there: no write
      return;
    }
    // Before any write: its watch event must find these keys known as the node's own.
    writes.annotate(pod.getMetadata().getUid(), annotations);
    later(pod, 1);
  }

  private void later(V1Pod pod, int attempt) {
    long delay = carryWait.toMillis() << (attempt - 1);
    timer.schedule(() -> writeAlone(pod, attempt), delay, TimeUnit.MILLISECONDS);
  }

  /** Writes what no status write carried; the pod being gone or replaced ends it too. */
  private void writeAlone(V1Pod pod, int attempt) {
    String uid = pod.getMetadata().getUid();
    Map<String, String> pending = writes.pendingAnnotations(uid);
    if (pending.isEmpty()) {
      return;
    }
    try {
      patch(pod, pending);
      writes.annotated(uid, pending);
    } catch (ApiException | RuntimeException e) {
      if (e instanceof ApiException api && (ApiErrors.notFound(api) || ApiErrors.conflict(api))) {
        writes.annotated(uid, pending); // nothing left to annotate
      } else if (attempt < ATTEMPTS) {
        later(pod, attempt + 1);
      } else {
        writes.annotated(uid, pending);
        log.warn(
            "Pod {}/{}: cannot write annotations {}: {}",
            pod.getMetadata().getNamespace(),
            pod.getMetadata().getName(),
            pending.keySet(),
            e instanceof ApiException api ? ApiErrors.describe(api) : e.toString());
      }
    }
  }

  private void patch(V1Pod pod, Map<String, String> annotations) throws ApiException {
    String name = pod.getMetadata().getName();
    String namespace = pod.getMetadata().getNamespace();
    // The uid precondition keeps a same-name pod created meanwhile from being annotated.
    String body =
        JSON.serialize(
            Map.of(
                "metadata", Map.of("uid", pod.getMetadata().getUid(), "annotations", annotations)));
    PatchUtils.patch(
        (Class<V1Pod>) null,
        () -> api.patchNamespacedPodStatus(name, namespace, new V1Patch(body)).buildCall(null),
        V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH,
        client);
  }
}
