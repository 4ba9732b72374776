package dev.vk.emulator.ecs.metrics;

import dev.vk.emulator.ecs.state.ContainerState;
import dev.vk.emulator.ecs.state.FargateSizes;
import dev.vk.emulator.ecs.state.Task;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Plausible usage of one running container, one value per minute: CPU in CPU units (1024 = one
 * vCPU) and memory in megabytes, as Container Insights reports {@code ContainerCpuUtilized} and
 * {@code ContainerMemoryUtilized}. Each container gets its own level (2-20 % of the task's CPU,
 * 10-40 % of its memory, derived from task id and container name) and a ten-minute wave of ±30 %
 * CPU and ±10 % memory around it, so values change over time. Pure: same inputs, same numbers.
 */
public final class ContainerUsage {
  private static final int DEFAULT_TASK_CPU = 256;
  private static final int DEFAULT_TASK_MEMORY = 512;

  private ContainerUsage() {}

  /**
   * The container's usage during the minute starting at {@code minute}, or empty when it was not
   * running then (not started yet, or stopped before it).
   */
  public static Optional<double[]> at(
      Task task, ContainerState container, Instant minute, Instant now) {
    if (!ranDuring(task, container, minute, now)) {
      return Optional.empty();
    }
    double seed = fraction(task.id + "/" + container.name());
    double wave = Math.sin(2 * Math.PI * (minute.getEpochSecond() / 60 % 10) / 10.0 + seed * 6.28);
    double cpu =
        FargateSizes.parseCpu(task.cpu).orElse(DEFAULT_TASK_CPU)
            * (0.02 + 0.18 * seed)
            * (1 + 0.3 * wave);
    double memory =
        FargateSizes.parseMemory(task.memory).orElse(DEFAULT_TASK_MEMORY)
            * (0.10 + 0.30 * seed)
            * (1 + 0.1 * wave);
    return Optional.of(new double[] {round(cpu), Math.round(memory)});
  }

  private static boolean ranDuring(Task task, ContainerState c, Instant minute, Instant now) {
    if (c.startedAt == null || minute.isAfter(now)) {
      return false;
    }
    Instant end = now;
    if (!c.running()) {
      end = firstNonNull(task.executionStoppedAt, task.stoppingAt, task.stoppedAt, c.startedAt);
    }
    return minute.plusSeconds(60).isAfter(c.startedAt) && minute.isBefore(end);
  }

  private static Instant firstNonNull(Instant... candidates) {
    for (Instant i : candidates) {
      if (i != null) {
        return i;
      }
    }
    return null;
  }

  private static double fraction(String key) {
    CRC32 crc = new CRC32();
    crc.update(key.getBytes(StandardCharsets.UTF_8));
    return (crc.getValue() % 1000) / 1000.0;
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
