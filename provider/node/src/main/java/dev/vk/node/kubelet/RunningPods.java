package dev.vk.node.kubelet;

import dev.vk.kubelet.types.ProviderException;
import dev.vk.node.pod.ApiPods;
import dev.vk.node.pod.PodFacts;
import dev.vk.provider.PodLifecycle;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pods behind {@code /runningpods/}: as a kubelet lists the pods its container runtime runs,
 * only the provider's pods with at least one running container, ready or not. A pod the provider
 * has stopped leaves the list with that status, even while its record lingers. A pod the provider
 * lists without a status (it cannot tell yet) is judged by the API's status of the same pod, and
 * left out once the API has no such pod: the node then already knows it is gone.
 */
public final class RunningPods {
  private final PodLifecycle provider;
  private final ApiPods pods;

  public RunningPods(PodLifecycle provider, ApiPods pods) {
    this.provider = provider;
    this.pods = pods;
  }

  /** One provider listing, filtered. May block on the provider; idempotent (read only). */
  public List<V1Pod> list() throws ProviderException {
    Map<String, V1Pod> apiByUid = new HashMap<>();
    for (V1Pod pod : pods.list()) {
      apiByUid.put(PodFacts.uid(pod), pod);
    }
    return provider.getPods().stream()
        .filter(p -> running(p, apiByUid.get(PodFacts.uid(p))))
        .toList();
  }

  private static boolean running(V1Pod providerPod, V1Pod apiPod) {
    V1PodStatus status = providerPod.getStatus();
    if (status == null) {
      return apiPod != null && !PodFacts.stopped(apiPod);
    }
    return !PodFacts.stopped(providerPod);
  }
}
