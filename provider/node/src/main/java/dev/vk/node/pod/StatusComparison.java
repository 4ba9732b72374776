package dev.vk.node.pod;

import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1PodCondition;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decides whether two pod statuses differ in anything a user sees. Timestamps the API server or the
 * provider may render differently are left out, so an unchanged pod costs no write.
 */
public final class StatusComparison {
  private StatusComparison() {}

  public static boolean same(V1PodStatus current, V1PodStatus desired) {
    return current != null && summary(current).equals(summary(desired));
  }

  static List<Object> summary(V1PodStatus s) {
    List<Object> parts = new ArrayList<>();
    parts.add(s.getPhase());
    parts.add(s.getReason());
    parts.add(s.getMessage());
    parts.add(s.getPodIP());
    parts.add(s.getHostIP());
    List<String> conditions = new ArrayList<>();
    if (s.getConditions() != null) {
      for (V1PodCondition c : s.getConditions()) {
        conditions.add(
            c.getType() + "=" + c.getStatus() + "/" + Objects.toString(c.getReason(), ""));
      }
    }
    conditions.sort(null);
    parts.add(conditions);
    parts.add(containers(s.getInitContainerStatuses()));
    parts.add(containers(s.getContainerStatuses()));
    return parts;
  }

  private static List<String> containers(List<V1ContainerStatus> statuses) {
    List<String> out = new ArrayList<>();
    if (statuses != null) {
      for (V1ContainerStatus c : statuses) {
        out.add(
            c.getName()
                + " ready="
                + c.getReady()
                + " restarts="
                + c.getRestartCount()
                + " started="
                + c.getStarted()
                + " id="
                + c.getContainerID()
                + " "
                + state(c.getState())
                + " last="
                + state(c.getLastState()));
      }
    }
    out.sort(null);
    return out;
  }

  private static String state(V1ContainerState state) {
    if (state == null) {
      return "none";
    }
    if (state.getRunning() != null) {
      return "running";
    }
    if (state.getTerminated() != null) {
      return "terminated:"
          + state.getTerminated().getExitCode()
          + ":"
          + state.getTerminated().getReason();
    }
    if (state.getWaiting() != null) {
      return "waiting:" + state.getWaiting().getReason() + ":" + state.getWaiting().getMessage();
    }
    return "none";
  }
}
