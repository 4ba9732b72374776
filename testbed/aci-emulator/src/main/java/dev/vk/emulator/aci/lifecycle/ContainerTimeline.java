package dev.vk.emulator.aci.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The runs of one container up to a moment, computed from its behaviour, the restart policy and
 * out-of-band kills. State is a pure function of time, so nothing needs a background thread and
 * tests drive it with a fixed clock.
 *
 * @param attempts the runs that started at or before {@code now}, oldest first
 * @param nextStart when the next restart begins, or null if no restart is pending
 */
public record ContainerTimeline(List<Attempt> attempts, Instant nextStart) {

  /** Guards against a script that exits instantly with a zero backoff. */
  private static final int MAX_ATTEMPTS = 100_000;

  /** Computes the timeline at {@code now}; {@code firstStart} is when the image pull completes. */
  public static ContainerTimeline compute(
      Behaviour behaviour,
      RestartPolicy policy,
      Instant firstStart,
      List<Kill> kills,
      Instant now,
      LifecycleSettings settings) {
    List<Attempt> attempts = new ArrayList<>();
    Instant start = firstStart;
    while (!start.isAfter(now) && attempts.size() < MAX_ATTEMPTS) {
      Instant natural = naturalEnd(behaviour, start, settings);
      Kill kill = firstKillWhileRunning(kills, start, natural);
      Instant end = kill != null ? kill.at() : natural;
      if (end == null || end.isAfter(now)) {
        attempts.add(new Attempt(start, null, 0, false));
        return new ContainerTimeline(attempts, null);
      }
      int code = kill != null ? kill.exitCode() : behaviour.exitCode();
      attempts.add(new Attempt(start, end, code, kill != null));
      if (!policy.restarts(code)) {
        return new ContainerTimeline(attempts, null);
      }
      start = end.plus(settings.backoff(attempts.size() - 1));
    }
    return new ContainerTimeline(attempts, attempts.isEmpty() ? firstStart : start);
  }

  /** The latest run, or null before the first start. */
  public Attempt current() {
    return attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
  }

  /** The run before the latest, or null. */
  public Attempt previous() {
    return attempts.size() < 2 ? null : attempts.get(attempts.size() - 2);
  }

  /** Whether the container has exited for good. */
  public boolean finished() {
    Attempt current = current();
    return current != null && !current.running() && nextStart == null;
  }

  /** Restarts so far: every run after the first. */
  public int restartCount() {
    return Math.max(0, attempts.size() - 1);
  }

  /** When the process exits by itself, or null if never; every run lasts the minimum run time. */
  private static Instant naturalEnd(
      Behaviour behaviour, Instant start, LifecycleSettings settings) {
    Duration run = behaviour.runTime().orElse(null);
    if (run == null) {
      return null;
    }
    Duration minimum = settings.minimumRunTime();
    return start.plus(run.compareTo(minimum) < 0 ? minimum : run);
  }

  private static Kill firstKillWhileRunning(List<Kill> kills, Instant start, Instant end) {
    Kill first = null;
    for (Kill kill : kills) {
      boolean during = kill.at().isAfter(start) && (end == null || kill.at().isBefore(end));
      if (during && (first == null || kill.at().isBefore(first.at()))) {
        first = kill;
      }
    }
    return first;
  }
}
