package dev.vk.provider.mock;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateWaiting;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * Where the main container is in its run, exit and restart cycle at one instant. Pure: the same
 * inputs give the same status, which is what lets the mock's state outlive the process.
 *
 * <p>Run {@code k} starts at {@code start + k * (exitAfter + RESTART_DELAY)} and lasts {@code
 * exitAfter}. Between runs the container waits in {@code CrashLoopBackOff}. {@code restartCount} is
 * the number of restarts so far, so it equals the completed runs while the container runs.
 */
final class RunCycle {

  /** Short and constant, unlike the kubelet's growing back-off, to keep tests fast. */
  static final Duration RESTART_DELAY = Duration.ofMillis(500);

  private RunCycle() {}

  static V1ContainerStatus status(
      ContainerStates states,
      V1Container main,
      Instant start,
      PodBehaviour behaviour,
      String restartPolicy,
      Instant now) {
    if (!behaviour.exits()) {
      return states.running(main, start);
    }
    int code = behaviour.exitCode();
    long run = behaviour.exitAfter().toMillis();
    long elapsed = Duration.between(start, now).toMillis();
    if (!restarts(restartPolicy, code)) {
      return elapsed < run
          ? states.running(main, start)
          : states.terminated(main, code, start, start.plusMillis(run));
    }
    long period = run + RESTART_DELAY.toMillis();
    long index = elapsed / period;
    Instant runStart = start.plusMillis(index * period);
    V1ContainerStatus status;
    if (elapsed - index * period < run) {
      status = states.running(main, runStart);
      if (index > 0) {
        Instant previous = runStart.minusMillis(period);
        status.lastState(states.terminatedState(main, code, previous, previous.plusMillis(run)));
      }
    } else {
      status = states.terminated(main, code, runStart, runStart.plusMillis(run));
      status.lastState(status.getState()).state(new V1ContainerState().waiting(backOff(main)));
    }
    return status.restartCount((int) Math.min(index, Integer.MAX_VALUE));
  }

  /** Never never restarts; OnFailure restarts only after a failure; Always (the default) always. */
  static boolean restarts(String restartPolicy, int exitCode) {
    if ("Never".equals(restartPolicy)) {
      return false;
    }
    return !"OnFailure".equals(restartPolicy) || exitCode != 0;
  }

  private static V1ContainerStateWaiting backOff(V1Container main) {
    return new V1ContainerStateWaiting()
        .reason("CrashLoopBackOff")
        .message(
            "back-off "
                + RESTART_DELAY.toMillis()
                + "ms restarting failed container="
                + main.getName());
  }
}
