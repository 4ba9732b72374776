package dev.vk.emulator.ecs.shell;

import dev.vk.emulator.ecs.time.Scheduler;
import java.time.Duration;
import java.util.List;
import java.util.function.IntConsumer;

/** The commands {@link Shell} knows. Each reports its status through {@code done}, maybe later. */
final class Builtins {
  private static final int INTERRUPTED = 130;
  private final Shell shell;

  Builtins(Shell shell) {
    this.shell = shell;
  }

  void run(List<String> argv, IntConsumer done, IntConsumer exit) {
    if (argv.isEmpty()) {
      done.accept(shell.lastStatus());
      return;
    }
    String name = argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1);
    List<String> args = argv.subList(1, argv.size());
    switch (name) {
      case "echo" -> echo(args, done);
      case "cat" -> cat(args, done);
      case "sleep" -> sleep(args, done);
      case "exit" -> exit.accept(args.isEmpty() ? shell.lastStatus() : parseStatus(args.get(0)));
      case "true" -> done.accept(0);
      case "false" -> done.accept(1);
      case "stty" -> stty(args, done);
      case "env", "printenv" -> env(args, done);
      case "hostname" -> print(shell.variable("HOSTNAME"), done);
      case "sh", "bash", "ash", "dash" -> sh(args, done);
      default -> {
        shell.err("sh: 1: " + argv.get(0) + ": not found\n");
        done.accept(127);
      }
    }
  }

  private void echo(List<String> args, IntConsumer done) {
    boolean newline = args.isEmpty() || !"-n".equals(args.get(0));
    List<String> words = newline ? args : args.subList(1, args.size());
    shell.out(String.join(" ", words) + (newline ? "\n" : ""));
    done.accept(0);
  }

  private void cat(List<String> args, IntConsumer done) {
    if (!args.isEmpty() && !"-".equals(args.get(0))) {
      shell.err("cat: " + args.get(0) + ": No such file or directory\n");
      done.accept(1);
      return;
    }
    shell.onInterrupt(
        () -> {
          shell.cancelRead();
          done.accept(INTERRUPTED);
        });
    shell.read(
        new Shell.Reader() {
          @Override
          public void line(String line) {
            shell.out(line + "\n");
            shell.read(this);
          }

          @Override
          public void end() {
            shell.onInterrupt(null);
            done.accept(0);
          }
        });
  }

  private void sleep(List<String> args, IntConsumer done) {
    double seconds;
    try {
      seconds = Double.parseDouble(args.isEmpty() ? "x" : args.get(0));
    } catch (NumberFormatException e) {
      shell.err("sleep: invalid time interval '" + (args.isEmpty() ? "" : args.get(0)) + "'\n");
      done.accept(1);
      return;
    }
    Scheduler.Cancellable timer =
        shell.later(
            Duration.ofMillis((long) (seconds * 1000)),
            () -> {
              shell.onInterrupt(null);
              done.accept(0);
            });
    shell.onInterrupt(
        () -> {
          timer.cancel();
          done.accept(INTERRUPTED);
        });
  }

  private void stty(List<String> args, IntConsumer done) {
    if (args.contains("size")) {
      shell.out(shell.rows() + " " + shell.cols() + "\n");
    }
    done.accept(0);
  }

  private void env(List<String> args, IntConsumer done) {
    if (!args.isEmpty()) {
      String value = shell.env().get(args.get(0));
      if (value == null) {
        done.accept(1);
        return;
      }
      print(value, done);
      return;
    }
    shell.env().entrySet().stream()
        .sorted(java.util.Map.Entry.comparingByKey())
        .forEach(e -> shell.out(e.getKey() + "=" + e.getValue() + "\n"));
    done.accept(0);
  }

  private void print(String line, IntConsumer done) {
    shell.out(line + "\n");
    done.accept(0);
  }

  private void sh(List<String> args, IntConsumer done) {
    if (args.size() >= 2 && "-c".equals(args.get(0))) {
      shell.runScript(args.get(1), done, done);
      return;
    }
    new InteractiveRun(shell, done).prompt();
  }

  private static int parseStatus(String text) {
    try {
      return Integer.parseInt(text) & 0xff;
    } catch (NumberFormatException e) {
      return 2;
    }
  }
}
