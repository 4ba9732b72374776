package dev.vk.provider.aci;

import com.azure.resourcemanager.containerinstance.fluent.models.ContainerGroupInner;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Decides which listed groups deserve a GET this round. Urgent ones are always fetched: groups
 * never fetched or whose list entry changed, and groups still provisioning, pending, waiting or
 * started recently (where exits and restarts happen); their number is bounded by how fast pods are
 * created, not by how many run. Steady groups whose last GET is older than the full-refresh period
 * follow, oldest first, within the budget. Pure.
 */
final class RefreshPlan {

  private RefreshPlan() {}

  /** The groups to fetch: all urgent ones, and the steady ones the budget allows. */
  record Plan(List<String> urgent, List<String> due) {
    List<String> all() {
      List<String> all = new ArrayList<>(urgent);
      all.addAll(due);
      return all;
    }
  }

  static Plan choose(
      List<ContainerGroupInner> listed,
      GroupCache cache,
      Instant now,
      Duration fullRefresh,
      Duration settle,
      int budget) {
    List<String> urgent = new ArrayList<>();
    List<GroupCache.Entry> due = new ArrayList<>();
    List<String> dueNames = new ArrayList<>();
    for (ContainerGroupInner group : listed) {
      String name = group.name();
      Optional<GroupCache.Entry> entry = cache.get(name);
      if (entry.isEmpty()
          || !entry.get().signature().equals(GroupCache.signature(group))
          || unsettled(entry.get().pod(), now, settle)) {
        urgent.add(name);
      } else if (entry.get().fetchedAt().plus(fullRefresh).isBefore(now)) {
        due.add(entry.get());
        dueNames.add(name);
      }
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < due.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparing(i -> due.get(i).fetchedAt()));
    List<String> oldestFirst = new ArrayList<>();
    order.forEach(i -> oldestFirst.add(dueNames.get(i)));
    return new Plan(
        urgent, oldestFirst.subList(0, Math.min(oldestFirst.size(), Math.max(0, budget))));
  }

  /** Not yet in a steady state: pending, a container not running, or started moments ago. */
  static boolean unsettled(V1Pod pod, Instant now, Duration settle) {
    String phase = pod.getStatus().getPhase();
    if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
      return false;
    }
    if (!"Running".equals(phase)) {
      return true;
    }
    for (V1ContainerStatus s : pod.getStatus().getContainerStatuses()) {
      if (s.getState().getRunning() == null) {
        return true;
      }
      var started = s.getState().getRunning().getStartedAt();
      if (started != null && started.toInstant().plus(settle).isAfter(now)) {
        return true;
      }
    }
    return false;
  }
}
