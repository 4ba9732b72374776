package dev.vk.kubelet.types;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What {@code /metrics/resource} reports, the data metrics-server reads. The server renders it with
 * the kubelet's metric names. metrics-server drops the node when its CPU or memory is 0, and a pod
 * when any of its containers has CPU or memory 0.
 *
 * @param node the node's usage, or null when unknown
 */
public record ResourceUsage(Node node, List<Pod> pods) {
  public ResourceUsage {
    pods = List.copyOf(pods);
  }

  /**
   * @param time when the sample was taken
   * @param cpuCoreSeconds cumulative CPU time, in core-seconds
   */
  public record Node(Instant time, double cpuCoreSeconds, long memoryWorkingSetBytes) {
    public Node {
      Objects.requireNonNull(time, "time");
    }
  }

  public record Pod(
      String namespace,
      String name,
      Instant time,
      double cpuCoreSeconds,
      long memoryWorkingSetBytes,
      List<Container> containers) {
    public Pod {
      Objects.requireNonNull(namespace, "namespace");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(time, "time");
      containers = List.copyOf(containers);
    }
  }

  /**
   * @param startTime when the container started, or null when unknown
   */
  public record Container(
      String name,
      Instant startTime,
      Instant time,
      double cpuCoreSeconds,
      long memoryWorkingSetBytes) {
    public Container {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(time, "time");
    }
  }
}
