package dev.vk.provider.mock;

import dev.vk.kubelet.types.ResourceUsage;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Pod;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Plausible, deterministic usage for {@code kubectl top}: each running container uses {@value
 * #CORES} of a core since its current run started (plus a little at start, because metrics-server
 * drops a container whose CPU is 0), and a stable working set of 20 MiB plus up to 16 MiB derived
 * from its pod UID and name. Pods are the sums of their running containers. The node is the sum of
 * its pods plus a system share ({@value #SYSTEM_CORES} of a core since the epoch, 32 MiB), so that
 * an empty node still reports non-zero usage. Pure: the same pods and instant give the same
 * numbers.
 */
final class SyntheticMetrics {

  static final double CORES = 0.01;
  static final double SYSTEM_CORES = 0.001;
  static final double START_CPU = 0.001;
  static final long MIB = 1024 * 1024;
  static final long SYSTEM_MEMORY = 32 * MIB;

  private SyntheticMetrics() {}

  /**
   * @param pods the pods with their current status at {@code now}
   */
  static ResourceUsage of(List<V1Pod> pods, Instant now) {
    List<ResourceUsage.Pod> usages = new ArrayList<>();
    double nodeCpu = SYSTEM_CORES * now.getEpochSecond();
    long nodeMemory = SYSTEM_MEMORY;
    for (V1Pod pod : pods) {
      List<ResourceUsage.Container> containers = new ArrayList<>();
      for (V1ContainerStatus status : pod.getStatus().getContainerStatuses()) {
        if (status.getState().getRunning() != null) {
          containers.add(container(pod.getMetadata().getUid(), status, now));
        }
      }
      if (containers.isEmpty()) {
        continue; // metrics-server only reports pods with running containers
      }
      double cpu = containers.stream().mapToDouble(ResourceUsage.Container::cpuCoreSeconds).sum();
      long memory =
          containers.stream().mapToLong(ResourceUsage.Container::memoryWorkingSetBytes).sum();
      usages.add(
          new ResourceUsage.Pod(
              pod.getMetadata().getNamespace(),
              pod.getMetadata().getName(),
              now,
              cpu,
              memory,
              containers));
      nodeCpu += cpu;
      nodeMemory += memory;
    }
    return new ResourceUsage(new ResourceUsage.Node(now, nodeCpu, nodeMemory), usages);
  }

  private static ResourceUsage.Container container(
      String podUid, V1ContainerStatus status, Instant now) {
    Instant start = status.getState().getRunning().getStartedAt().toInstant();
    double seconds = Math.max(0, Duration.between(start, now).toMillis() / 1000.0);
    CRC32 crc = new CRC32();
    crc.update((podUid + "/" + status.getName()).getBytes(StandardCharsets.UTF_8));
    long memory = 20 * MIB + crc.getValue() % (16 * MIB);
    return new ResourceUsage.Container(
        status.getName(), start, now, START_CPU + CORES * seconds, memory);
  }
}
