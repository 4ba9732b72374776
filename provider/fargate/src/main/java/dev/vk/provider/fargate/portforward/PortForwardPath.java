package dev.vk.provider.fargate.portforward;

import java.util.Locale;

/** How a forwarded connection reaches the task (setting {@code fargate-port-forward}). */
public enum PortForwardPath {
  /** An SSM port session through Session Manager; works wherever ECS Exec works. */
  SESSION,
  /** A TCP connection from the node to the task's private (ENI) address; needs a VPC route. */
  DIRECT;

  /**
   * Parses a setting value.
   *
   * @throws IllegalArgumentException for anything but {@code session} or {@code direct}
   */
  public static PortForwardPath parse(String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "session" -> SESSION;
      case "direct" -> DIRECT;
      default ->
          throw new IllegalArgumentException("must be session or direct, not '" + value + "'");
    };
  }
}
