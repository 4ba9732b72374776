package dev.vk.provider.aci.metrics;

import dev.vk.provider.aci.status.GroupCache;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Pod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pods whose use metrics are read for: every group the status tracker has fetched, with the
 * containers its last instance view showed running and their start times. Costs no ARM call.
 */
public final class MetricsTargets {

  private MetricsTargets() {}

  public static List<MetricsTarget> from(Map<String, GroupCache.Entry> fetched) {
    List<MetricsTarget> targets = new ArrayList<>();
    fetched.forEach(
        (group, entry) -> {
          V1Pod pod = entry.pod();
          List<MetricsTarget.RunningContainer> running = new ArrayList<>();
          if (pod.getStatus() != null && pod.getStatus().getContainerStatuses() != null) {
            for (V1ContainerStatus s : pod.getStatus().getContainerStatuses()) {
              if (s.getState() != null
                  && s.getState().getRunning() != null
                  && s.getState().getRunning().getStartedAt() != null) {
                running.add(
                    new MetricsTarget.RunningContainer(
                        s.getName(), s.getState().getRunning().getStartedAt().toInstant()));
              }
            }
          }
          targets.add(
              new MetricsTarget(
                  group, pod.getMetadata().getNamespace(), pod.getMetadata().getName(), running));
        });
    return targets;
  }
}
