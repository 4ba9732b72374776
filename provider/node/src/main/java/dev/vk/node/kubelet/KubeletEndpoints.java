package dev.vk.node.kubelet;

import dev.vk.kubelet.types.ContainerExecutor;
import dev.vk.kubelet.types.ContainerLogSource;
import dev.vk.kubelet.types.PodMetricsSource;
import dev.vk.kubelet.types.PortForwarding;
import dev.vk.kubeletapi.spi.JsonBody;
import dev.vk.kubeletapi.spi.KubeletHandlers;
import dev.vk.node.pod.ApiPods;
import dev.vk.provider.PodLifecycle;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ListMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodList;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;

/**
 * Gives the kubelet API server what the provider can do: its abilities as they are, plus the pod
 * listings and summaries the node renders. An ability the provider lacks stays unset, which the
 * server answers with 501.
 */
public final class KubeletEndpoints {
  private KubeletEndpoints() {}

  public static KubeletHandlers build(
      String nodeName, PodLifecycle provider, ApiPods pods, PrometheusMeterRegistry meters) {
    KubeletHandlers.Builder b = KubeletHandlers.builder();
    b.pods(() -> podList(pods.list()));
    RunningPods running = new RunningPods(provider, pods);
    b.runningPods(() -> podList(running.list()));
    b.nodeMetrics(meters::scrape);
    if (provider instanceof ContainerLogSource logs) {
      b.containerLogs(logs);
    }
    if (provider instanceof ContainerExecutor exec) {
      b.exec(exec);
    }
    if (provider instanceof PortForwarding forwarding) {
      b.portForward(forwarding);
    }
    if (provider instanceof PodMetricsSource metrics) {
      b.resourceMetrics(metrics);
      b.statsSummary(
          () ->
              JsonBody.of(
                  StatsSummaryJson.render(
                      nodeName, metrics.usage(), (ns, name) -> uid(pods, ns, name))));
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
