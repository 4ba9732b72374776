package dev.vk.provider.aci.status;

import com.azure.resourcemanager.containerinstance.models.ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateRunning;
import io.kubernetes.client.openapi.models.V1ContainerStateTerminated;
import io.kubernetes.client.openapi.models.V1ContainerStateWaiting;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;

/**
 * One ACI container instance view to a Kubernetes container status. ACI states are Running,
 * Terminated and Waiting; a terminated container's reason is Completed for exit code 0 and Error
 * otherwise (ACI's detailStatus becomes the message); a waiting container's {@code detailStatus}
 * such as {@code CrashLoopBackOff: Back-off …} gives the reason. Pure.
 */
final class ContainerStatusMapper {

  private ContainerStatusMapper() {}

  /** The status; {@code current} null means ACI has no instance view yet (still creating). */
  static V1ContainerStatus status(
      String groupId,
      String name,
      String image,
      ContainerState current,
      ContainerState previous,
      Integer restartCount) {
    V1ContainerState state = state(current);
    boolean running = state.getRunning() != null;
    return new V1ContainerStatus()
        .name(name)
        .image(image)
        .imageID("")
        .containerID(current == null ? null : containerId(groupId, name))
        .ready(running)
        .started(running)
        .restartCount(restartCount == null ? 0 : restartCount)
        .state(state)
        .lastState(previous == null ? new V1ContainerState() : state(previous));
  }

  static V1ContainerState state(ContainerState s) {
    if (s == null || s.state() == null) {
      return waiting("ContainerCreating", null);
    }
    AciState state = AciState.of(s.state());
    if (state == AciState.RUNNING) {
      return new V1ContainerState().running(new V1ContainerStateRunning().startedAt(s.startTime()));
    }
    if (state.containerEnded()) {
      int code = s.exitCode() == null ? 0 : s.exitCode();
      return new V1ContainerState()
          .terminated(
              new V1ContainerStateTerminated()
                  .exitCode(code)
                  .reason(code == 0 ? "Completed" : "Error")
                  .message(s.detailStatus())
                  .startedAt(s.startTime())
                  .finishedAt(s.finishTime()));
    }
    return waiting(s.detailStatus(), s.state());
  }

  /** {@code "CrashLoopBackOff: Back-off …"} → reason and message; {@code Pulling} → creating. */
  private static V1ContainerState waiting(String detail, String state) {
    String reason = "ContainerCreating";
    String message = detail;
    if (detail != null && !detail.isBlank() && !detail.startsWith("Pulling")) {
      int colon = detail.indexOf(':');
      reason = colon > 0 ? detail.substring(0, colon).trim() : detail.trim();
      message = colon > 0 ? detail.substring(colon + 1).trim() : null;
    } else if (detail == null && state != null && AciState.of(state) != AciState.WAITING) {
      reason = state;
    }
    return new V1ContainerState()
        .waiting(new V1ContainerStateWaiting().reason(reason).message(message));
  }

  /** Stable per group and container, like the azure-aci provider's {@code aci://<sha256>}. */
  static String containerId(String groupId, String name) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((groupId + "/containers/" + name).getBytes(StandardCharsets.UTF_8));
      return "aci://" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** An inferred finished init container: ACI starts app containers only after inits succeed. */
  static V1ContainerStatus completedInit(String name, String image, OffsetDateTime finished) {
    return new V1ContainerStatus()
        .name(name)
        .image(image)
        .imageID("")
        .ready(false)
        .started(false)
        .restartCount(0)
        .state(
            new V1ContainerState()
                .terminated(
                    new V1ContainerStateTerminated()
                        .exitCode(0)
                        .reason("Completed")
                        .startedAt(finished)
                        .finishedAt(finished)))
        .lastState(new V1ContainerState());
  }
}
