package dev.vk.provider.aci.metrics;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A pod whose use is wanted: its container group and the containers running now.
 *
 * @param group the container group's name
 * @param namespace the pod's namespace
 * @param pod the pod's name
 * @param containers the containers running now, with the start of their current run
 */
public record MetricsTarget(
    String group, String namespace, String pod, List<RunningContainer> containers) {

  public MetricsTarget {
    Objects.requireNonNull(group, "group");
    containers = List.copyOf(containers);
  }

  /** A running container and when its current run started. */
  public record RunningContainer(String name, Instant startedAt) {
    public RunningContainer {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(startedAt, "startedAt");
    }
  }
}
