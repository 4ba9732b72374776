package dev.vk.emulator.aci.exec;

import dev.vk.emulator.aci.lifecycle.ShellWords;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an exec session runs: {@code echo}, {@code cat}, {@code sleep N}, {@code exit N}, {@code
 * true}, {@code false}, {@code env}, {@code hostname}, {@code pwd}, and an interactive {@code sh}
 * (also {@code /bin/sh}, {@code bash}) that prompts with {@value #PROMPT} and runs those commands
 * line by line. Statements may be chained with {@code ;} and {@code &&}. Single-threaded: every
 * method runs on the session's event loop.
 */
public final class TinyShell implements LineDiscipline.Listener {

  /** The interactive prompt, a root shell's. */
  public static final String PROMPT = "# ";

  private static final Set<String> SHELLS =
      Set.of("sh", "/bin/sh", "bash", "/bin/bash", "ash", "/bin/ash");
  private static final Set<String> BUILTINS =
      Set.of("echo", "cat", "sleep", "exit", "true", "false", "env", "hostname", "pwd");

  private final Tty tty;
  private final String hostname;
  private final Map<String, String> env;
  private final LineDiscipline discipline;
  private final Deque<List<String>> queue = new ArrayDeque<>();
  private boolean interactive;
  private Runnable cancelSleep;
  private boolean catRunning;
  private boolean done;
  private int status;

  /** A shell writing to {@code tty} in a container with this host name and environment. */
  public TinyShell(Tty tty, String hostname, Map<String, String> env) {
    this.tty = tty;
    this.hostname = hostname;
    this.env = env;
    this.discipline = new LineDiscipline(tty, this);
  }

  /** Runs the command ACI's executeCommand was given. */
  public void start(String command) {
    List<List<String>> statements = ShellWords.statements(command.trim());
    if (statements.size() == 1
        && statements.get(0).size() == 1
        && SHELLS.contains(statements.get(0).get(0))) {
      interactive = true;
      tty.print(PROMPT);
      return;
    }
    String program = statements.isEmpty() ? command : statements.get(0).get(0);
    if (statements.isEmpty() || !BUILTINS.contains(program)) {
      tty.print(
          "OCI runtime exec failed: exec failed: unable to start container process: exec: \""
              + program
              + "\": executable file not found in $PATH: unknown\r\n");
      finish();
      return;
    }
    queue.addAll(statements);
    runNext();
  }

  /** Feeds keystrokes from the client. */
  public void input(CharSequence chars) {
    if (!done) {
      discipline.input(chars);
    }
  }

  /** Stops timers when the connection goes away. */
  public void stop() {
    done = true;
    if (cancelSleep != null) {
      cancelSleep.run();
    }
  }

  @Override
  public void line(String line) {
    if (catRunning) {
      tty.print(line + "\r\n");
    } else if (interactive && cancelSleep == null && !done) {
      queue.addAll(ShellWords.statements(line));
      runNext();
    }
  }

  @Override
  public void interrupt() {
    if (cancelSleep != null) {
      cancelSleep.run();
      cancelSleep = null;
    }
    catRunning = false;
    status = 130;
    queue.clear();
    runNext();
  }

  @Override
  public void endOfInput() {
    if (catRunning) {
      catRunning = false;
      status = 0;
      runNext();
    } else if (interactive && cancelSleep == null) {
      finish();
    }
  }

  private void runNext() {
    while (!done && cancelSleep == null && !catRunning) {
      List<String> argv = queue.poll();
      if (argv == null) {
        if (interactive) {
          tty.print(PROMPT);
        } else {
          finish();
        }
        return;
      }
      run(argv.get(0), argv.subList(1, argv.size()));
    }
  }

  private void run(String name, List<String> args) {
    status = 0;
    switch (name) {
      case "echo" -> tty.print(String.join(" ", args) + "\r\n");
      case "true" -> status = 0;
      case "false" -> status = 1;
      case "pwd" -> tty.print("/\r\n");
      case "hostname" -> tty.print(hostname + "\r\n");
      case "env" -> env.forEach((k, v) -> tty.print(k + "=" + v + "\r\n"));
      case "exit" -> exit(args);
      case "sleep" -> sleep(args);
      case "cat" -> cat(args);
      default -> {
        if (!SHELLS.contains(name)) {
          tty.print("sh: " + name + ": not found\r\n");
          status = 127;
        }
      }
    }
  }

  private void exit(List<String> args) {
    if (!args.isEmpty()) {
      try {
        status = Integer.parseInt(args.get(0)) & 0xff;
      } catch (NumberFormatException e) {
        tty.print("sh: exit: Illegal number: " + args.get(0) + "\r\n");
        status = 2;
      }
    }
    queue.clear();
    finish();
  }

  private void sleep(List<String> args) {
    Duration duration;
    try {
      duration = ShellWords.seconds(args.get(0));
    } catch (RuntimeException invalid) {
      tty.print("sleep: invalid time interval '" + String.join(" ", args) + "'\r\n");
      status = 1;
      return;
    }
    cancelSleep =
        tty.schedule(
            duration,
            () -> {
              cancelSleep = null;
              runNext();
            });
  }

  private void cat(List<String> args) {
    if (args.isEmpty()) {
      catRunning = true;
    } else {
      tty.print("cat: can't open '" + args.get(0) + "': No such file or directory\r\n");
      status = 1;
    }
  }

  private void finish() {
    if (!done) {
      done = true;
      tty.hangUp();
    }
  }
}
