package dev.vk.provider.mock.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny {@code /bin/sh} over blocking streams, enough to drive simulated containers the way tests
 * and users drive real ones with {@code kubectl exec}. Commands: {@code echo}, {@code cat}, {@code
 * exit}, {@code sleep}, {@code seq}, {@code head -c N /dev/zero}, {@code env}, {@code printenv},
 * {@code hostname}, {@code stty size}, {@code true}, {@code false}, {@code ls}, {@code pwd}, {@code
 * mkdir}, {@code base64 [-d]}, {@code set -e}, and {@code sh}/{@code bash} either with {@code -c
 * SCRIPT} or interactive (reading lines from stdin, prompting with {@value #PROMPT} on a TTY).
 * Anything else prints {@code sh: X: not found} and fails with {@value #NOT_FOUND}. Given {@link
 * Builder#files files}, {@code cat}, {@code ls}, {@code mkdir} and {@code base64} use them and
 * scripts may use {@code |} and {@code >} ({@link Pipelines}); without, the root is a fixed set of
 * empty directories and files cannot be read.
 *
 * <p>One instance runs one command line on the caller's thread; only {@link #resize} may be called
 * from another thread. Interrupting the running thread stops the shell with status 130.
 */
public final class TinyShell {

  /** The interactive prompt, a root shell's. */
  public static final String PROMPT = "# ";

  /** The status of a command that does not exist, as in every POSIX shell. */
  public static final int NOT_FOUND = 127;

  /** Waits for {@code sleep}; tests substitute one that does not wait. */
  @FunctionalInterface
  public interface Sleeper {
    /** Blocks for {@code duration}. */
    void sleep(Duration duration) throws InterruptedException;
  }

  private final Map<String, String> env;
  private ShellInput stdin; // swapped while a pipeline stage or a redirection runs
  private OutputStream stdout;
  private final OutputStream stderr;
  private final boolean tty;
  private final SleepControl sleeps;
  private final String hostname;
  private final ShellFiles files;
  private final Commands commands = new Commands(this);
  private final Pipelines pipelines = new Pipelines(this);
  private boolean errexit; // set -e
  private boolean lineInterrupted; // the rest of the command line is abandoned
  private volatile int columns = 80;
  private volatile int rows = 24;
  private int lastStatus;

  private TinyShell(Builder builder) {
    this.env = Map.copyOf(builder.env);
    this.tty = builder.tty;
    OutputStream out = builder.stdout == null ? OutputStream.nullOutputStream() : builder.stdout;
    // A terminal has one output: what a command writes to stderr shows up there too.
    OutputStream err = builder.stderr == null && tty ? out : builder.stderr;
    this.stdout = tty ? new TerminalOutput(out) : out;
    this.stderr =
        err == null ? OutputStream.nullOutputStream() : tty ? new TerminalOutput(err) : err;
    InputStream in = builder.stdin == null ? InputStream.nullInputStream() : builder.stdin;
    this.stdin = new ShellInput(tty ? new TerminalInput(in, out) : in);
    this.sleeps = new SleepControl(builder.sleeper);
    this.files = builder.files;
    this.hostname =
        builder.hostname != null ? builder.hostname : env.getOrDefault("HOSTNAME", "localhost");
  }

  /** Whether {@code program} (a path or a name) is one of the commands this shell knows. */
  public static boolean knows(String program) {
    return Commands.knows(program);
  }

  /** A shell with no streams, an empty environment, no TTY and a real {@code sleep}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs {@code argv} as the session's command, as {@code kubectl exec pod -- argv...} does, and
   * returns its exit status (0 to 255). Blocks until it ends: a command reading stdin waits for it
   * to end.
   *
   * @throws IOException when stdout or stderr fail (the client went away)
   */
  public int run(List<String> argv) throws IOException {
    int status;
    try {
      status = command(argv);
    } catch (ShellExit exit) {
      status = exit.status();
    } finally {
      stdout.flush();
      stderr.flush();
    }
    return status & 0xff;
  }

  /** The terminal's new size, for {@code stty size}. Thread-safe; does not block. */
  public void resize(int columns, int rows) {
    this.columns = columns;
    this.rows = rows;
  }

  /**
   * Ctrl-C from the client's terminal: cuts a running {@code sleep} short with status 130 (printing
   * {@code ^C} on a TTY) and abandons the rest of its command line; an interactive shell then
   * prompts again. Returns false and does nothing when no {@code sleep} runs (at a prompt the
   * terminal's line discipline handles Ctrl-C). Thread-safe; does not block.
   */
  public boolean interrupt() {
    return sleeps.interrupt();
  }

  /** Sleeps through the sleeper; true when {@link #interrupt} cut it short. */
  boolean sleep(Duration duration) throws InterruptedException {
    boolean cut = sleeps.sleep(duration);
    lineInterrupted |= cut;
    return cut;
  }

  /** Runs one command; its status becomes {@code $?}. */
  int command(List<String> argv) throws IOException {
    if (Thread.currentThread().isInterrupted()) {
      throw new ShellExit(130); // killed: run nothing more, whatever shell we are in
    }
    lastStatus = commands.run(argv);
    stdout.flush(); // output of a finished command must reach an interactive user now
    stderr.flush();
    return lastStatus;
  }

  /**
   * Runs a script's commands in order, honouring {@code &&}, {@code ||} and {@code set -e}; with a
   * file system also {@code |} and {@code >} ({@link Pipelines}).
   */
  int script(String script) throws IOException {
    int status = lastStatus;
    List<ShellWords.Step> steps = ShellWords.commands(script);
    for (int i = 0; i < steps.size(); i++) {
      ShellWords.Step step = steps.get(i);
      boolean skip =
          ("&&".equals(step.operator()) && status != 0)
              || ("||".equals(step.operator()) && status == 0);
      if (!skip) {
        status =
            files == null
                ? command(ShellWords.words(step.text(), this::variable))
                : pipelines.run(step.text());
        boolean tested = i + 1 < steps.size() && !";".equals(steps.get(i + 1).operator());
        if (errexit && status != 0 && !tested) {
          throw new ShellExit(status); // set -e: an untested failure ends the shell
        }
      }
      if (lineInterrupted) {
        break; // Ctrl-C abandons the whole line, as in every shell
      }
    }
    return status;
  }

  /** Runs {@code argv} with stdin and stdout replaced, for a pipeline stage or a redirection. */
  int command(List<String> argv, ShellInput in, OutputStream out) throws IOException {
    ShellInput savedIn = stdin;
    OutputStream savedOut = stdout;
    stdin = in == null ? stdin : in;
    stdout = out == null ? stdout : out;
    try {
      return command(argv);
    } finally {
      stdin = savedIn;
      stdout = savedOut;
    }
  }

  /** Reads and runs lines from stdin until {@code exit} or end of input; blocks on stdin. */
  int interactive() throws IOException {
    while (true) {
      if (tty) {
        out(PROMPT);
        stdout.flush();
      }
      String line = stdin.readLine();
      if (line == null) {
        return lastStatus;
      }
      lineInterrupted = false;
      script(line);
      lineInterrupted = false;
    }
  }

  String variable(String name) {
    return "?".equals(name) ? Integer.toString(lastStatus) : env.getOrDefault(name, "");
  }

  void out(String text) throws IOException {
    stdout.write(text.getBytes(StandardCharsets.UTF_8));
  }

  void err(String text) throws IOException {
    stderr.write(text.getBytes(StandardCharsets.UTF_8));
  }

  OutputStream stdout() {
    return stdout;
  }

  ShellInput stdin() {
    return stdin;
  }

  Map<String, String> env() {
    return env;
  }

  boolean tty() {
    return tty;
  }

  int lastStatus() {
    return lastStatus;
  }

  /** The file system, or null: none was given (then {@code cat FILE} finds nothing). */
  ShellFiles files() {
    return files;
  }

  void errexit(boolean on) {
    this.errexit = on;
  }

  int columns() {
    return columns;
  }

  int rows() {
    return rows;
  }

  String hostname() {
    return hostname;
  }

  /** Collects a shell's streams, environment and TTY flag. Not thread-safe. */
  public static final class Builder {
    private final Map<String, String> env = new LinkedHashMap<>();
    private InputStream stdin;
    private OutputStream stdout;
    private OutputStream stderr;
    private boolean tty;
    private Sleeper sleeper = duration -> Thread.sleep(duration.toMillis());
    private String hostname;
    private ShellFiles files;

    private Builder() {}

    /** The environment {@code env} prints, in this order; {@code HOSTNAME} is the host name. */
    public Builder env(Map<String, String> variables) {
      env.putAll(variables);
      return this;
    }

    /** Null (the default) reads as an empty input. */
    public Builder stdin(InputStream in) {
      this.stdin = in;
      return this;
    }

    /** Null (the default) discards the output. */
    public Builder stdout(OutputStream out) {
      this.stdout = out;
      return this;
    }

    /** Null (the default) discards error output, or sends it to stdout with a TTY. */
    public Builder stderr(OutputStream err) {
      this.stderr = err;
      return this;
    }

    /** Whether the client has a terminal: echo, line editing, {@code \r\n}, a prompt. */
    public Builder tty(boolean terminal) {
      this.tty = terminal;
      return this;
    }

    /** The name {@code hostname} prints; by default {@code HOSTNAME}, else {@code localhost}. */
    public Builder hostname(String name) {
      this.hostname = name;
      return this;
    }

    public Builder sleeper(Sleeper waiter) {
      this.sleeper = waiter;
      return this;
    }

    /**
     * The files {@code cat}, {@code ls}, {@code mkdir -p}, {@code base64} and {@code >} see; with
     * one, {@code |} and {@code >} work too. Null (the default): no file system, as before.
     */
    public Builder files(ShellFiles view) {
      this.files = view;
      return this;
    }

    public TinyShell build() {
      return new TinyShell(this);
    }
  }
}
