package dev.vk.emulator.ecs.lifecycle;

import dev.vk.emulator.ecs.shell.Shell;
import dev.vk.emulator.ecs.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * The simulated process of one container, chosen by its command line (entryPoint + command):
 *
 * <ul>
 *   <li>a shell builtin or {@code sh -c '...'} (echo, sleep, exit, true, false, cat, ...) runs in
 *       the emulated {@link Shell}, its output going to the log; e.g. {@code ["sh","-c","exit 3"]}
 *       exits 3 and {@code ["sleep","5"]} exits 0 after five seconds;
 *   <li>anything else (including no command) is a server that runs until stopped, logging a line
 *       every {@link LifecycleTimings#logInterval()}.
 * </ul>
 *
 * An exit is reported no sooner than {@link LifecycleTimings#minimumRuntime()} after start.
 * Confined to the lifecycle thread.
 */
final class ContainerProcess {
  private static final Set<String> SHELL_COMMANDS =
      Set.of(
          "sh",
          "bash",
          "ash",
          "dash",
          "echo",
          "sleep",
          "exit",
          "true",
          "false",
          "cat",
          "env",
          "printenv",
          "hostname",
          "stty");

  private final String name;
  private final List<String> argv;
  private final Scheduler scheduler;
  private final ContainerLog log;
  private final LifecycleTimings timings;
  private final IntConsumer onExit;
  private Instant startedAt;
  private Shell shell;
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
    String first = argv.get(0);
    return SHELL_COMMANDS.contains(first.substring(first.lastIndexOf('/') + 1));
  }

  void start(Map<String, String> env) {
    startedAt = scheduler.clock().instant();
    if (scripted(argv)) {
      shell = new Shell(log, scheduler, env, this::shellExited);
      shell.endOfInput();
      shell.start(argv);
    } else {
      log.line(name + " started: " + String.join(" ", argv));
      tick(1);
    }
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

  private void shellExited(int status) {
    log.flush();
    Duration ran = Duration.between(startedAt, scheduler.clock().instant());
    Duration wait = timings.minimumRuntime().minus(ran);
    scheduler.schedule(wait.isNegative() ? Duration.ZERO : wait, () -> report(status));
  }

  /** The process ends now with {@code status}, e.g. killed by a signal or crashed out of band. */
  void terminate(int status) {
    if (shell != null) {
      shell.kill(status);
    }
    report(status);
  }

  /** Silences the process: no more output, no exit report (the task is tearing it down). */
  void discard() {
    over = true;
    if (ticker != null) {
      ticker.cancel();
    }
    if (shell != null && !shell.finished()) {
      shell.kill(0);
    }
  }

  private void report(int status) {
    if (!over) {
      over = true;
      if (ticker != null) {
        ticker.cancel();
      }
      onExit.accept(status);
    }
  }
}
