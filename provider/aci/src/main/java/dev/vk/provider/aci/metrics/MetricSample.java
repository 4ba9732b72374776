package dev.vk.provider.aci.metrics;

import java.time.Instant;

/**
 * One bucket of one container's metric as Azure Monitor answered it.
 *
 * @param group the container group's name (the last segment of its resource id)
 * @param metric {@code CpuUsage} or {@code MemoryUsage}
 * @param container the {@code containerName} dimension
 * @param bucket the bucket's start
 * @param average the average over the bucket (millicores or bytes)
 */
record MetricSample(String group, String metric, String container, Instant bucket, double average) {

  static final String CPU = "CpuUsage";
  static final String MEMORY = "MemoryUsage";
}
