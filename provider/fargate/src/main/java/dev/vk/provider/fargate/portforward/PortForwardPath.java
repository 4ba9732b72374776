package dev.vk.provider.fargate.portforward;

/** How a forwarded connection reaches the task (setting {@code fargate-port-forward}). */
public enum PortForwardPath {
  /** An SSM port session through Session Manager; works wherever ECS Exec works. */
  SESSION,
  /** A TCP connection from the node to the task's private (ENI) address; needs a VPC route. */
  DIRECT;
}
