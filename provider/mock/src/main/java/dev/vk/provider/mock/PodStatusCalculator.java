package dev.vk.provider.mock;

import dev.vk.provider.status.PodConditions;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1PodIP;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes a pod's status at an instant from its {@link PodRecord} alone.
 *
 * <p>Timeline from {@code createdAt}: Pending for {@code startDelay} (the sandbox is being made),
 * then each init container runs for the pod's init duration in turn, then the app containers start
 * together and the pod is Running. The main container then follows {@link RunCycle}.
 */
final class PodStatusCalculator {

  private final Duration startDelay;

  PodStatusCalculator(Duration startDelay) {
    this.startDelay = startDelay;
  }

  /**
   * From when this pod's status stays the same: its app containers have started and none of them
   * exits. Null when the status keeps changing (the main container exits, and may restart).
   */
  Instant settledFrom(PodRecord record) {
    if (record.behaviour().exits()) {
      return null;
    }
    return appStart(record);
  }

  private Instant appStart(PodRecord record) {
    int inits = orEmpty(record.pod().getSpec().getInitContainers()).size();
    return record
        .createdAt()
        .plus(startDelay)
        .plus(record.behaviour().initDuration().multipliedBy(inits));
  }

  V1PodStatus statusAt(PodRecord record, Instant now) {
    V1PodSpec spec = record.pod().getSpec();
    ContainerStates states = new ContainerStates(record.uid());
    Instant sandbox = record.createdAt().plus(startDelay);
    List<V1Container> inits = orEmpty(spec.getInitContainers());
    Duration initDuration = record.behaviour().initDuration();
    Instant appStart = appStart(record);

    List<V1ContainerStatus> initStatuses = new ArrayList<>();
    for (int i = 0; i < inits.size(); i++) {
      Instant start = sandbox.plus(initDuration.multipliedBy(i));
      Instant end = start.plus(initDuration);
      initStatuses.add(
          now.isBefore(start)
              ? states.waiting(inits.get(i), "PodInitializing")
              : now.isBefore(end)
                  ? states.running(inits.get(i), start).ready(false)
                  // The kubelet reports a successfully completed init container as ready.
                  : states.terminated(inits.get(i), 0, start, end).ready(true));
    }
    List<V1ContainerStatus> app = new ArrayList<>();
    List<V1Container> containers = spec.getContainers();
    for (int i = 0; i < containers.size(); i++) {
      V1Container container = containers.get(i);
      if (now.isBefore(appStart)) {
        boolean initializing = !inits.isEmpty() && !now.isBefore(sandbox);
        app.add(states.waiting(container, initializing ? "PodInitializing" : "ContainerCreating"));
      } else if (i == 0) {
        app.add(
            RunCycle.status(
                states, container, appStart, record.behaviour(), spec.getRestartPolicy(), now));
      } else {
        app.add(states.running(container, appStart));
      }
    }

    String phase = now.isBefore(appStart) ? "Pending" : phaseOfStarted(app);
    V1PodStatus status =
        new V1PodStatus()
            .phase(phase)
            .conditions(
                PodConditions.of(
                    phase,
                    initStatuses,
                    app,
                    new ConditionTimes(record.createdAt(), initStatuses, app)))
            .startTime(ContainerStates.time(record.createdAt()))
            .initContainerStatuses(initStatuses.isEmpty() ? null : initStatuses)
            .containerStatuses(app);
    if (!now.isBefore(sandbox)) {
      // Like a CNI, the address is only reported once the sandbox exists.
      status.podIP(record.podIp()).podIPs(List.of(new V1PodIP().ip(record.podIp())));
    }
    return status;
  }

  /**
   * The final status after {@code deletePod} at {@code now}: containers still up stop gracefully
   * (exit code 0, Completed) and the pod is Succeeded; a pod that had already ended keeps its
   * status.
   */
  V1PodStatus stoppedAt(PodRecord record, Instant now) {
    V1PodStatus status = statusAt(record, now);
    if ("Succeeded".equals(status.getPhase()) || "Failed".equals(status.getPhase())) {
      return status;
    }
    ContainerStates states = new ContainerStates(record.uid());
    List<V1ContainerStatus> stopped = new ArrayList<>();
    for (int i = 0; i < status.getContainerStatuses().size(); i++) {
      V1ContainerStatus current = status.getContainerStatuses().get(i);
      if (current.getState().getTerminated() != null) {
        stopped.add(current);
        continue;
      }
      Instant started =
          current.getState().getRunning() != null
              ? current.getState().getRunning().getStartedAt().toInstant()
              : now;
      V1Container container = record.pod().getSpec().getContainers().get(i);
      stopped.add(
          states
              .terminated(container, 0, started, now)
              .restartCount(current.getRestartCount())
              .lastState(current.getLastState()));
    }
    List<V1ContainerStatus> inits = orEmpty(status.getInitContainerStatuses());
    return status
        .phase("Succeeded")
        .containerStatuses(stopped)
        .conditions(
            PodConditions.of(
                "Succeeded",
                inits,
                stopped,
                new ConditionTimes(record.createdAt(), inits, stopped)));
  }

  /** Once started: Running until every app container has terminated for good. */
  private static String phaseOfStarted(List<V1ContainerStatus> app) {
    if (!app.stream().allMatch(s -> s.getState().getTerminated() != null)) {
      return "Running";
    }
    boolean allZero = app.stream().allMatch(s -> s.getState().getTerminated().getExitCode() == 0);
    return allZero ? "Succeeded" : "Failed";
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
