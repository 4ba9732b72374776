package dev.vk.provider.aci.status;

import com.azure.resourcemanager.containerinstance.fluent.models.ContainerGroupInner;
import java.time.Duration;
import java.time.Instant;

/**
 * Which steady groups are read before the others: those where an unseen exit costs the most. A
 * group whose restart policy is Never or OnFailure (an exit ends the container for good, so the pod
 * must turn Succeeded or Failed), one with a liveness probe (ACI restarts its containers when the
 * probe fails), and one whose status changed while it ran (a restart, an exit; not its start) in
 * the last {@link #RECENT}. All of it comes from the list entry and the cache, so deciding costs no
 * call. Pure.
 */
final class StatusPriority {

  /** A status change this recent makes a group a priority group. */
  static final Duration RECENT = Duration.ofMinutes(10);

  private StatusPriority() {}

  static boolean first(ListedGroup group, GroupCache.Entry entry, Instant now) {
    return group.exitMatters() || entry.changedAt().plus(RECENT).isAfter(now);
  }

  /** Restart policy Never or OnFailure, or a container with a liveness probe. */
  static boolean exitMatters(ContainerGroupInner group) {
    String policy = group.restartPolicy() == null ? "Always" : group.restartPolicy().toString();
    if ("Never".equalsIgnoreCase(policy) || "OnFailure".equalsIgnoreCase(policy)) {
      return true;
    }
    return group.containers() != null
        && group.containers().stream().anyMatch(c -> c.livenessProbe() != null);
  }
}
