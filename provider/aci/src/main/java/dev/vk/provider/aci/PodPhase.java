package dev.vk.provider.aci;

import com.azure.resourcemanager.containerinstance.fluent.models.ContainerGroupInner;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import java.util.List;
import java.util.Locale;

/**
 * The pod phase: {@code provisioningState} until it is Succeeded, then the group's instance-view
 * state. States ACI does not define as running or ended (Stopped, Repairing, Updating…) fall back
 * to the containers: all terminated means Succeeded or Failed by exit code, else Pending.
 */
final class PodPhase {

  private PodPhase() {}

  static String of(ContainerGroupInner group, List<V1ContainerStatus> containers) {
    String provisioning = lower(group.provisioningState());
    switch (provisioning) {
      case "failed", "canceled" -> {
        return "Failed";
      }
      case "succeeded" -> {
        // handled below
      }
      default -> {
        return "Pending";
      }
    }
    String state = group.instanceView() == null ? "" : lower(group.instanceView().state());
    return switch (state) {
      case "running" -> "Running";
      case "succeeded" -> "Succeeded";
      case "failed" -> "Failed";
      default -> fromContainers(containers);
    };
  }

  private static String fromContainers(List<V1ContainerStatus> containers) {
    boolean allEnded =
        !containers.isEmpty()
            && containers.stream().allMatch(s -> s.getState().getTerminated() != null);
    if (!allEnded) {
      return "Pending";
    }
    boolean allZero =
        containers.stream().allMatch(s -> s.getState().getTerminated().getExitCode() == 0);
    return allZero ? "Succeeded" : "Failed";
  }

  private static String lower(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }
}
