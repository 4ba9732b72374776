package dev.vk.node.pod;

import dev.vk.provider.status.PodConditions;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.util.List;
import java.util.Optional;

/**
 * The rules that tell a status moving backwards from one the cloud justifies. Facts of a pod's
 * history only grow: it started running, a container started, ran and exited, restarted N times,
 * ended for good. A proposed status that contradicts one of them was computed from partial data (a
 * listing without per-pod state, a cache not yet filled) and is refused whole; the present state
 * (ready, running, waiting after an exit, a crash) is the cloud's to report and passes. See
 * docs/architecture.md, "Status". Pure.
 */
final class StatusRegressions {
  private StatusRegressions() {}

  /**
   * Why writing {@code proposed} over {@code current} would move the status backwards, or empty.
   *
   * @param renewed the node had the provider start the pod's containers afresh (re-created after
   *     the provider lost it, redeployed for an update): their history may start over
   */
  static Optional<String> find(
      V1PodStatus current, V1PodStatus proposed, String restartPolicy, boolean renewed) {
    if (current == null) {
      return Optional.empty();
    }
    String was = current.getPhase();
    if (terminal(was) && !was.equals(proposed.getPhase())) {
      return Optional.of("phase " + was + " is final, proposed " + proposed.getPhase());
    }
    if (renewed) {
      return Optional.empty();
    }
    Optional<String> init =
        containers(
            current.getInitContainerStatuses(), proposed.getInitContainerStatuses(), "OnFailure");
    return init.or(
        () ->
            containers(
                current.getContainerStatuses(), proposed.getContainerStatuses(), restartPolicy));
  }

  private static Optional<String> containers(
      List<V1ContainerStatus> current, List<V1ContainerStatus> proposed, String restartPolicy) {
    for (V1ContainerStatus before : orEmpty(current)) {
      V1ContainerStatus after = named(proposed, before.getName()).orElse(null);
      if (started(before) && neverStarted(after, before)) {
        return Optional.of(
            "container " + before.getName() + " started before and is reported as never started");
      }
      if (endedForGood(before, restartPolicy) && !terminated(after)) {
        return Optional.of(
            "container "
                + before.getName()
                + " ended for good (restartPolicy "
                + restartPolicy
                + ") and is reported as not ended");
      }
    }
    return Optional.empty();
  }

  /**
   * Carries what only grows into {@code proposed}: restart counts never go down, the last
   * termination stays until a newer one replaces it, and a pod that ran is never Pending again (a
   * container restarting keeps its pod Running, as a kubelet reports it). Times of what did not
   * change stay as the API has them (a restarted provider that saw a run begin "now" does not move
   * its start). Modifies {@code proposed}.
   */
  static void carryForward(V1PodStatus current, V1PodStatus proposed) {
    if (current == null) {
      return;
    }
    if ("Running".equals(current.getPhase()) && "Pending".equals(proposed.getPhase())) {
      proposed.setPhase("Running");
    }
    if (current.getStartTime() != null) {
      proposed.setStartTime(current.getStartTime());
    }
    PodConditions.keepTransitionTimes(current.getConditions(), proposed.getConditions());
    carry(current.getInitContainerStatuses(), proposed.getInitContainerStatuses());
    carry(current.getContainerStatuses(), proposed.getContainerStatuses());
  }

  private static void carry(List<V1ContainerStatus> current, List<V1ContainerStatus> proposed) {
    for (V1ContainerStatus after : orEmpty(proposed)) {
      V1ContainerStatus before = named(current, after.getName()).orElse(null);
      if (before == null) {
        continue;
      }
      if (restarts(before) > restarts(after)) {
        after.setRestartCount(restarts(before));
      }
      if (lastTermination(after) == null
          && lastTermination(before) != null
          && restarts(after) == restarts(before)) {
        after.setLastState(before.getLastState());
      }
      if (sameRun(before, after)) {
        after.getState().getRunning().setStartedAt(before.getState().getRunning().getStartedAt());
      }
    }
  }

  /** Running in both, same container and restart count: one run, whose start cannot move. */
  private static boolean sameRun(V1ContainerStatus before, V1ContainerStatus after) {
    return before.getState() != null
        && before.getState().getRunning() != null
        && before.getState().getRunning().getStartedAt() != null
        && after.getState() != null
        && after.getState().getRunning() != null
        && restarts(before) == restarts(after)
        && (before.getContainerID() == null
            || after.getContainerID() == null
            || before.getContainerID().equals(after.getContainerID()));
  }

  /** It ran: running or exited now, an exit before, or restarts counted. */
  private static boolean started(V1ContainerStatus s) {
    V1ContainerState state = s.getState();
    return (state != null && (state.getRunning() != null || state.getTerminated() != null))
        || lastTermination(s) != null
        || restarts(s) > 0;
  }

  /** Reported waiting (or not at all) with no exit and no more restarts than before. */
  private static boolean neverStarted(V1ContainerStatus after, V1ContainerStatus before) {
    if (after == null) {
      return true;
    }
    V1ContainerState state = after.getState();
    boolean notRun = state == null || (state.getRunning() == null && state.getTerminated() == null);
    return notRun && lastTermination(after) == null && restarts(after) <= restarts(before);
  }

  /**
   * Terminated where no restart follows: restartPolicy Never, or OnFailure after exit 0 (init
   * containers are checked as OnFailure: one that completed never runs again).
   */
  private static boolean endedForGood(V1ContainerStatus s, String restartPolicy) {
    if (!terminated(s)) {
      return false;
    }
    Integer code = s.getState().getTerminated().getExitCode();
    return "Never".equals(restartPolicy)
        || ("OnFailure".equals(restartPolicy) && Integer.valueOf(0).equals(code));
  }

  private static boolean terminated(V1ContainerStatus s) {
    return s != null && s.getState() != null && s.getState().getTerminated() != null;
  }

  private static Object lastTermination(V1ContainerStatus s) {
    return s.getLastState() == null ? null : s.getLastState().getTerminated();
  }

  private static int restarts(V1ContainerStatus s) {
    return s.getRestartCount() == null ? 0 : s.getRestartCount();
  }

  private static boolean terminal(String phase) {
    return "Succeeded".equals(phase) || "Failed".equals(phase);
  }

  private static Optional<V1ContainerStatus> named(List<V1ContainerStatus> list, String name) {
    return orEmpty(list).stream().filter(s -> name.equals(s.getName())).findFirst();
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
