package dev.vk.emulator.aci.lifecycle;

import java.time.Instant;
import java.util.Collection;

/** Derives a container group's {@code provisioningState} and {@code instanceView.state}. */
public final class GroupState {

  private GroupState() {}

  /** {@code Pending}, then {@code Creating}, then {@code Succeeded} once containers start. */
  public static String provisioningState(Instant pullStart, Instant now, LifecycleSettings s) {
    if (now.isBefore(pullStart.plus(s.pullTime().dividedBy(2)))) {
      return "Pending";
    }
    return now.isBefore(pullStart.plus(s.pullTime())) ? "Creating" : "Succeeded";
  }

  /**
   * {@code Pending} before the containers start, {@code Running} while any container runs or will
   * restart, then {@code Succeeded} if every container's last exit code is 0, else {@code Failed}.
   */
  public static String instanceState(Collection<ContainerTimeline> containers) {
    boolean started = containers.stream().anyMatch(t -> t.current() != null);
    if (!started) {
      return "Pending";
    }
    if (!containers.stream().allMatch(ContainerTimeline::finished)) {
      return "Running";
    }
    boolean allZero = containers.stream().allMatch(t -> t.current().exitCode() == 0);
    return allZero ? "Succeeded" : "Failed";
  }
}
