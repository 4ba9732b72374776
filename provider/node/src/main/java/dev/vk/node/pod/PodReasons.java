package dev.vk.node.pod;

import dev.vk.kubelet.types.ProviderException;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateTerminated;
import io.kubernetes.client.openapi.models.V1ContainerStateWaiting;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place that turns a failure into what a user sees on the pod: phase, reason, message and
 * container states. Reasons match the kubelet's and virtual-kubelet's where one exists.
 */
public final class PodReasons {
  /** virtual-kubelet's reason for a pod the provider refused or failed to create. */
  public static final String PROVIDER_FAILED = "ProviderFailed";

  /** The kubelet's container reason when env/config references cannot be resolved. */
  public static final String CREATE_CONTAINER_CONFIG_ERROR = "CreateContainerConfigError";

  /** The pod vanished from the provider while Kubernetes still believed it ran. */
  public static final String PROVIDER_POD_MISSING = "ProviderPodMissing";

  /** A pod bound to the node from a namespace the node does not serve (setting namespaces). */
  public static final String NAMESPACE_NOT_SERVED = "NamespaceNotServed";

  private PodReasons() {}

  /**
   * Status for a pod of a namespace the node does not serve: Failed, as the kubelet fails a pod its
   * admission rejects, so it is never left Pending without an answer.
   */
  public static V1PodStatus notServed(String message) {
    return new V1PodStatus().phase("Failed").reason(NAMESPACE_NOT_SERVED).message(message);
  }

  /**
   * Status for a pod the provider failed to create. A pod that can never run there and must not
   * restart fails; otherwise it stays Pending with the cause, as virtual-kubelet does, so a
   * ReplicaSet does not churn replacements. The reason is the provider's own when it chose one (a
   * refused identity, a conflict with a foreign cloud resource), else {@link #PROVIDER_FAILED}.
   */
  public static V1PodStatus providerFailed(V1Pod pod, ProviderException e) {
    boolean permanent = !e.retriable();
    boolean never = "Never".equals(pod.getSpec().getRestartPolicy());
    String phase = permanent && never ? "Failed" : "Pending";
    return new V1PodStatus()
        .phase(phase)
        .reason(e.reason().orElse(PROVIDER_FAILED))
        .message(e.getMessage());
  }

  /** Status for a pod whose config maps or secrets are missing: Pending, containers waiting. */
  public static V1PodStatus configError(V1Pod pod, String message) {
    List<V1ContainerStatus> statuses = new ArrayList<>();
    pod.getSpec()
        .getContainers()
        .forEach(
            c ->
                statuses.add(
                    new V1ContainerStatus()
                        .name(c.getName())
                        .image(c.getImage())
                        .imageID("")
                        .ready(false)
                        .restartCount(0)
                        .started(false)
                        .state(
                            new V1ContainerState()
                                .waiting(
                                    new V1ContainerStateWaiting()
                                        .reason(CREATE_CONTAINER_CONFIG_ERROR)
                                        .message(message)))));
    return new V1PodStatus().phase("Pending").containerStatuses(statuses);
  }

  /** Status for a pod that the provider lost and that must not be restarted. */
  public static V1PodStatus vanished(V1Pod pod, OffsetDateTime now) {
    V1PodStatus status = pod.getStatus() == null ? new V1PodStatus() : pod.getStatus();
    List<V1ContainerStatus> statuses = new ArrayList<>();
    if (status.getContainerStatuses() != null) {
      for (V1ContainerStatus c : status.getContainerStatuses()) {
        statuses.add(
            c.ready(false)
                .state(
                    new V1ContainerState()
                        .terminated(
                            new V1ContainerStateTerminated()
                                .exitCode(137)
                                .reason("ContainerStatusUnknown")
                                .message("The container could not be located at the provider")
                                .finishedAt(now))));
      }
    }
    return new V1PodStatus()
        .phase("Failed")
        .reason(PROVIDER_POD_MISSING)
        .message(
            "The provider no longer runs this pod (deleted outside Kubernetes?) and its"
                + " restartPolicy is Never")
        .podIP(status.getPodIP())
        .containerStatuses(statuses.isEmpty() ? null : statuses);
  }
}
