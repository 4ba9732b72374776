package dev.vk.provider.aci.status;

import com.azure.resourcemanager.containerinstance.fluent.models.ContainerGroupInner;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import java.util.List;

/**
 * The pod phase: {@code provisioningState} until it is Succeeded, then the group's instance-view
 * state. States ACI does not define as running or ended (Stopped, Repairing, Updating…) fall back
 * to the containers: all terminated means Succeeded or Failed by exit code, else Pending.
 */
final class PodPhase {

  private PodPhase() {}

  static String of(ContainerGroupInner group, List<V1ContainerStatus> containers) {
    switch (AciState.of(group.provisioningState())) {
      case FAILED, CANCELED -> {
        return "Failed";
      }
      case SUCCEEDED -> {
        // handled below
      }
      default -> {
        return "Pending";
      }
    }
    AciState state =
        group.instanceView() == null ? AciState.UNKNOWN : AciState.of(group.instanceView().state());
    return switch (state) {
      case RUNNING -> "Running";
      case SUCCEEDED -> "Succeeded";
      case FAILED -> "Failed";
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
}
