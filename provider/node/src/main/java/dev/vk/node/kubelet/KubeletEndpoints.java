package dev.vk.node.kubelet;

import dev.vk.kubeletapi.spi.JsonBody;
import dev.vk.kubeletapi.spi.KubeletApiException;
import dev.vk.kubeletapi.spi.KubeletHandlers;
import dev.vk.node.pod.ApiPods;
import dev.vk.provider.ContainerExecutor;
import dev.vk.provider.ContainerLogSource;
import dev.vk.provider.PodLifecycle;
import dev.vk.provider.PodMetricsSource;
import dev.vk.provider.PortForwarding;
import dev.vk.provider.ProviderException;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ListMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodList;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;

/**
 * Gives the kubelet API server one function per route, built from what the provider can do. An
 * ability the provider lacks stays unset, which the server answers with 501.
 */
public final class KubeletEndpoints {
  private KubeletEndpoints() {}

  /** A provider call whose failure becomes a kubelet API error. */
  private interface Call<T> {
    T run() throws ProviderException;
  }

  private static <T> T call(Call<T> call) throws KubeletApiException {
    try {
      return call.run();
    } catch (ProviderException e) {
      throw ProviderErrors.toKubeletApi(e);
    }
  }

  public static KubeletHandlers build(
      String nodeName, PodLifecycle provider, ApiPods pods, PrometheusMeterRegistry meters) {
    KubeletHandlers.Builder b = KubeletHandlers.builder();
    b.pods(() -> podList(pods.list()));
    RunningPods running = new RunningPods(provider, pods);
    b.runningPods(() -> podList(call(running::list)));
    b.nodeMetrics(meters::scrape);
    if (provider instanceof ContainerLogSource logs) {
      b.containerLogs((container, options) -> call(() -> logs.logs(container, options)));
    }
    if (provider instanceof ContainerExecutor exec) {
      b.exec((container, command, io) -> call(() -> exec.exec(container, command, io)));
      b.attach((container, io) -> call(() -> exec.attach(container, io)));
    }
    if (provider instanceof PortForwarding forwarding) {
      b.portForward((pod, port, stream) -> call(() -> forwarding.forward(pod, port, stream)));
    }
    if (provider instanceof PodMetricsSource metrics) {
      b.resourceMetrics(() -> call(metrics::usage));
      b.statsSummary(
          () ->
              JsonBody.of(
                  StatsSummaryJson.render(
                      nodeName, call(metrics::usage), (ns, name) -> uid(pods, ns, name))));
    }
    return b.build();
  }

  private static JsonBody podList(List<V1Pod> items) {
    V1PodList list =
        new V1PodList().apiVersion("v1").kind("PodList").metadata(new V1ListMeta()).items(items);
    return JsonBody.raw(JSON.serialize(list));
  }

  private static String uid(ApiPods pods, String namespace, String name) {
    V1Pod pod = pods.get(namespace + "/" + name);
    return pod == null ? "" : pod.getMetadata().getUid();
  }
}
