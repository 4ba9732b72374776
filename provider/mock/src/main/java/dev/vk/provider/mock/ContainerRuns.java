package dev.vk.provider.mock;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1PodSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When one container of a pod runs, on the same timeline as {@link PodStatusCalculator} and {@link
 * RunCycle}: init containers run once in turn, app containers start together, and the main
 * container may exit and restart. Pure, so logs and metrics derived from it survive restarts of the
 * node like the rest of the state.
 */
final class ContainerRuns {

  /**
   * One run of the container.
   *
   * @param index 0 for the first run, then one more per restart
   * @param end when it exits, or null when it runs until the pod is deleted
   */
  record Run(long index, Instant start, Instant end) {
    boolean runningAt(Instant now) {
      return !now.isBefore(start) && (end == null || now.isBefore(end));
    }
  }

  private final Instant firstStart;
  private final Duration length; // null: forever
  private final Duration period; // null: never restarts

  private ContainerRuns(Instant firstStart, Duration length, Duration period) {
    this.firstStart = firstStart;
    this.length = length;
    this.period = period;
  }

  /** The runs of the container named {@code name}, if the pod has one. */
  static Optional<ContainerRuns> of(PodRecord record, String name, Duration startDelay) {
    V1PodSpec spec = record.pod().getSpec();
    List<V1Container> inits =
        spec.getInitContainers() == null ? List.of() : spec.getInitContainers();
    Duration init = record.behaviour().initDuration();
    Instant sandbox = record.createdAt().plus(startDelay);
    for (int i = 0; i < inits.size(); i++) {
      if (name.equals(inits.get(i).getName())) {
        return Optional.of(new ContainerRuns(sandbox.plus(init.multipliedBy(i)), init, null));
      }
    }
    Instant appStart = sandbox.plus(init.multipliedBy(inits.size()));
    List<V1Container> containers = spec.getContainers();
    for (int i = 0; i < containers.size(); i++) {
      if (!name.equals(containers.get(i).getName())) {
        continue;
      }
      PodBehaviour behaviour = record.behaviour();
      if (i > 0 || !behaviour.exits()) {
        return Optional.of(new ContainerRuns(appStart, null, null));
      }
      Duration period =
          RunCycle.restarts(spec.getRestartPolicy(), behaviour.exitCode())
              ? behaviour.exitAfter().plus(RunCycle.RESTART_DELAY)
              : null;
      return Optional.of(new ContainerRuns(appStart, behaviour.exitAfter(), period));
    }
    return Optional.empty();
  }

  /** The run that started last by {@code now}, running or not; empty before the first start. */
  Optional<Run> latest(Instant now) {
    if (now.isBefore(firstStart)) {
      return Optional.empty();
    }
    return Optional.of(run(period == null ? 0 : elapsed(now) / period.toMillis()));
  }

  /**
   * The run the status reports as {@code lastState}: the one before the current run, or the one
   * that just ended while the container waits to restart. Empty when the container never restarts.
   */
  Optional<Run> previous(Instant now) {
    Optional<Run> latest = latest(now);
    if (period == null || latest.isEmpty()) {
      return Optional.empty();
    }
    Run run = latest.get();
    if (!run.runningAt(now)) {
      return latest; // backing off: the run that just ended is the last state
    }
    return run.index() == 0 ? Optional.empty() : Optional.of(run(run.index() - 1));
  }

  private Run run(long index) {
    Instant start = period == null ? firstStart : firstStart.plusMillis(index * period.toMillis());
    return new Run(index, start, length == null ? null : start.plus(length));
  }

  private long elapsed(Instant now) {
    return Duration.between(firstStart, now).toMillis();
  }
}
