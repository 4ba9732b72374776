package dev.vk.emulator.ecs.shell;

import dev.vk.emulator.ecs.time.Scheduler;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * A tiny, asynchronous {@code /bin/sh}: enough to drive emulated containers and ECS Exec sessions
 * from their command lines. Builtins: echo, cat, sleep, exit, true, false, stty size, env,
 * printenv, hostname, and {@code sh [-c script]}; anything else is "not found" (127).
 *
 * <p>Not thread-safe: each instance is confined to one thread (the exec session's event loop, or
 * the lifecycle thread for containers), which also runs its {@link Scheduler} callbacks.
 */
public final class Shell {
  /** Where the shell writes; text uses {@code \n} line ends. */
  public interface Output {
    void stdout(String text);

    void stderr(String text);
  }

  private final Output output;
  private final Scheduler scheduler;
  private final Map<String, String> env;
  private final IntConsumer onExit;
  private final Deque<String> typedAhead = new ArrayDeque<>();
  private final Builtins builtins;
  private Reader reader;
  private Runnable interruptHandler;
  private boolean inputClosed;
  private boolean finished;
  private int lastStatus;
  private int cols = 80;
  private int rows = 24;

  /** Receives the next stdin line, or its end. */
  interface Reader {
    void line(String line);

    void end();
  }

  public Shell(Output output, Scheduler scheduler, Map<String, String> env, IntConsumer onExit) {
    this.output = output;
    this.scheduler = scheduler;
    this.env = Map.copyOf(env);
    this.onExit = onExit;
    this.builtins = new Builtins(this);
  }

  /** Runs {@code argv} as the session's command; {@code onExit} gets its status. */
  public void start(List<String> argv) {
    if (argv.isEmpty()) {
      finish(0);
      return;
    }
    run(argv, this::finish, this::finish);
  }

  /** Delivers one line typed on stdin (without its line end). */
  public void input(String line) {
    if (finished) {
      return;
    }
    Reader waiting = reader;
    if (waiting != null) {
      reader = null;
      waiting.line(line);
    } else {
      typedAhead.add(line);
    }
  }

  /** Closes stdin (Ctrl-D on a terminal, or a container without stdin). */
  public void endOfInput() {
    inputClosed = true;
    Reader waiting = reader;
    if (waiting != null && typedAhead.isEmpty()) {
      reader = null;
      waiting.end();
    }
  }

  /** Ctrl-C: stops the foreground command with status 130. */
  public void interrupt() {
    Runnable handler = interruptHandler;
    interruptHandler = null;
    if (handler != null && !finished) {
      handler.run();
    }
  }

  /** Kills the shell without running anything more (the container or session is going away). */
  public void kill(int status) {
    interruptHandler = null;
    reader = null;
    finish(status);
  }

  public void resize(int cols, int rows) {
    this.cols = cols;
    this.rows = rows;
  }

  public boolean finished() {
    return finished;
  }

  /**
   * Runs one command. {@code done} receives its status; {@code exit} is what the {@code exit}
   * builtin ends (the enclosing shell).
   */
  void run(List<String> argv, IntConsumer done, IntConsumer exit) {
    builtins.run(argv, status -> complete(status, done), exit);
  }

  /** Runs a script: commands joined by ;, &&, || with {@code $?} tracking. */
  void runScript(String script, IntConsumer done, IntConsumer exit) {
    new ScriptRun(this, ShellWords.commands(script), done, exit).next();
  }

  private void complete(int status, IntConsumer done) {
    if (!finished) {
      lastStatus = status;
      done.accept(status);
    }
  }

  /** Waits for the next stdin line for {@code next}. */
  void read(Reader next) {
    if (!typedAhead.isEmpty()) {
      next.line(typedAhead.poll());
    } else if (inputClosed) {
      next.end();
    } else {
      reader = next;
    }
  }

  /** Makes {@code handler} the response to the next Ctrl-C, for the running command. */
  void onInterrupt(Runnable handler) {
    interruptHandler = handler;
  }

  void cancelRead() {
    reader = null;
  }

  Scheduler.Cancellable later(Duration delay, Runnable action) {
    return scheduler.schedule(
        delay,
        () -> {
          if (!finished) {
            action.run();
          }
        });
  }

  void out(String text) {
    if (!finished) {
      output.stdout(text);
    }
  }

  void err(String text) {
    if (!finished) {
      output.stderr(text);
    }
  }

  String variable(String name) {
    return "?".equals(name) ? Integer.toString(lastStatus) : env.getOrDefault(name, "");
  }

  Map<String, String> env() {
    return env;
  }

  int lastStatus() {
    return lastStatus;
  }

  int cols() {
    return cols;
  }

  int rows() {
    return rows;
  }

  private void finish(int status) {
    if (!finished) {
      finished = true;
      onExit.accept(status & 0xff);
    }
  }
}
