package dev.vk.provider.mock;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateRunning;
import io.kubernetes.client.openapi.models.V1ContainerStateTerminated;
import io.kubernetes.client.openapi.models.V1ContainerStateWaiting;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/** Builds the container statuses of one pod: simulated ids and images, and the three states. */
final class ContainerStates {

  private final String podUid;

  ContainerStates(String podUid) {
    this.podUid = podUid;
  }

  /** Not started yet; no container ID because no container exists. */
  V1ContainerStatus waiting(V1Container container, String reason) {
    return base(container)
        .ready(false)
        .started(false)
        .state(new V1ContainerState().waiting(new V1ContainerStateWaiting().reason(reason)));
  }

  V1ContainerStatus running(V1Container container, Instant startedAt) {
    return base(container)
        .containerID(containerId(container))
        .ready(true)
        .started(true)
        .state(
            new V1ContainerState()
                .running(new V1ContainerStateRunning().startedAt(time(startedAt))));
  }

  V1ContainerStatus terminated(V1Container container, int exitCode, Instant start, Instant end) {
    return base(container)
        .containerID(containerId(container))
        .ready(false)
        .started(false)
        .state(terminatedState(container, exitCode, start, end));
  }

  /** Reason {@code Completed} for exit code 0 and {@code Error} otherwise, as the kubelet says. */
  V1ContainerState terminatedState(
      V1Container container, int exitCode, Instant start, Instant end) {
    return new V1ContainerState()
        .terminated(
            new V1ContainerStateTerminated()
                .containerID(containerId(container))
                .exitCode(exitCode)
                .reason(exitCode == 0 ? "Completed" : "Error")
                .startedAt(time(start))
                .finishedAt(time(end)));
  }

  /**
   * In whole seconds, as the API server stores times, so that a status read back from Kubernetes
   * equals the one the mock reported.
   */
  static OffsetDateTime time(Instant instant) {
    return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
  }

  private V1ContainerStatus base(V1Container container) {
    return new V1ContainerStatus()
        .name(container.getName())
        .image(container.getImage())
        .imageID(imageId(container.getImage()))
        .restartCount(0)
        .lastState(new V1ContainerState());
  }

  private String containerId(V1Container container) {
    return "mock://" + podUid + "/" + container.getName();
  }

  /** A digest-pinned reference like a registry returns, stable for the same image name. */
  private static String imageId(String image) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(String.valueOf(image).getBytes(StandardCharsets.UTF_8));
      return image + "@sha256:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
