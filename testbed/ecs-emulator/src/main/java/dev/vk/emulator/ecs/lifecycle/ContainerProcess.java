package dev.vk.emulator.ecs.lifecycle;

import dev.vk.emulator.ecs.time.Scheduler;
import dev.vk.provider.mock.shell.ShellFiles;
import dev.vk.provider.mock.shell.ShellTimeline;
import dev.vk.provider.mock.shell.TinyShell;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The simulated process of one container, chosen by its command line (entryPoint + command):
 *
 * <ul>
 *   <li>a command the mock provider's {@link TinyShell} knows, or {@code sh -c '...'} (echo, sleep,
 *       exit, true, false, cat, ...), runs there as a {@link ShellTimeline} replayed on the
 *       scheduler, its output going to the log; e.g. {@code ["sh","-c","exit 3"]} exits 3 and
 *       {@code ["sleep","5"]} exits 0 after five seconds;
 *   <li>anything else (including no command) is a server that runs until stopped, logging a line
 *       every {@link LifecycleTimings#logInterval()}.
 * </ul>
 *
 * An exit is reported no sooner than {@link LifecycleTimings#minimumRuntime()} after start.
 * Confined to the lifecycle thread.
 */
final class ContainerProcess {
  private final String name;
  private final List<String> argv;
  private final Scheduler scheduler;
  private final ContainerLog log;
  private final LifecycleTimings timings;
  private final IntConsumer onExit;
  private final List<Scheduler.Cancellable> timers = new ArrayList<>();
  private Scheduler.Cancellable ticker;
  private boolean over;

  ContainerProcess(
      String name,
      List<String> argv,
      Scheduler scheduler,
      ContainerLog log,
      LifecycleTimings timings,
      IntConsumer onExit) {
    this.name = name;
    this.argv = argv;
    this.scheduler = scheduler;
    this.log = log;
    this.timings = timings;
    this.onExit = onExit;
  }

  /** Whether {@code argv} runs in the emulated shell rather than as a long-running server. */
  static boolean scripted(List<String> argv) {
    if (argv.isEmpty()) {
      return false;
    }
    return TinyShell.knows(argv.get(0));
  }

  /** Starts the process with {@code env}, its files seen through {@code files}. */
  void start(Map<String, String> env, ShellFiles files) {
    if (scripted(argv)) {
      ShellTimeline timeline = ShellTimeline.run(argv, env, files);
      for (ShellTimeline.Output output : timeline.output()) {
        later(output.at(), () -> log.write(output.text()));
      }
      Duration runTime = timeline.runTime();
      Duration exitAt =
          runTime.compareTo(timings.minimumRuntime()) < 0 ? timings.minimumRuntime() : runTime;
      later(runTime, log::flush);
      later(exitAt, () -> report(timeline.status()));
    } else {
      log.line(name + " started: " + String.join(" ", argv));
      tick(1);
    }
  }

  private void later(Duration delay, Runnable action) {
    timers.add(
        scheduler.schedule(
            delay,
            () -> {
              if (!over) {
                action.run();
              }
            }));
  }

  private void tick(int n) {
    ticker =
        scheduler.schedule(
            timings.logInterval(),
            () -> {
              if (!over) {
                log.line(name + " running (tick " + n + ")");
                tick(n + 1);
              }
            });
  }

  /** The process ends now with {@code status}, e.g. killed by a signal or crashed out of band. */
  void terminate(int status) {
    report(status);
  }

  /** Silences the process: no more output, no exit report (the task is tearing it down). */
  void discard() {
    over = true;
    timers.forEach(Scheduler.Cancellable::cancel);
    if (ticker != null) {
      ticker.cancel();
    }
  }

  private void report(int status) {
    if (!over) {
      discard();
      onExit.accept(status);
    }
  }
}
