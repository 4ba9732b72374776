package dev.vk.provider.mock.shell;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The commands {@link TinyShell} knows, each returning its exit status. They block on the shell's
 * streams; {@code sleep} blocks for its duration. Messages follow busybox and dash, so that scripts
 * written against real containers see familiar text.
 */
final class Commands {

  private static final int CHUNK = 64 * 1024;
  private static final byte[] ZEROS = new byte[CHUNK];
  private static final List<String> ROOT =
      List.of("bin", "dev", "etc", "home", "lib", "proc", "root", "sys", "tmp", "usr", "var");
  private static final Set<String> SHELLS = Set.of("sh", "bash", "ash", "dash");
  private static final Set<String> BUILTINS =
      Set.of(
          "echo",
          "cat",
          "exit",
          "sleep",
          "seq",
          "head",
          "env",
          "printenv",
          "hostname",
          "stty",
          "true",
          "false",
          "ls",
          "pwd",
          "mkdir",
          "base64",
          "set");

  private final TinyShell shell;
  private final FileCommands files;

  Commands(TinyShell shell) {
    this.shell = shell;
    this.files = new FileCommands(shell);
  }

  static boolean knows(String program) {
    String name = program.substring(program.lastIndexOf('/') + 1);
    return SHELLS.contains(name) || BUILTINS.contains(name);
  }

  int run(List<String> argv) throws IOException {
    if (argv.isEmpty()) {
      return shell.lastStatus();
    }
    String name = argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1); // /bin/echo is echo
    List<String> args = argv.subList(1, argv.size());
    if (SHELLS.contains(name)) {
      return sh(args);
    }
    return switch (name) {
      case "echo" -> echo(args);
      case "cat" -> shell.files() == null ? cat(args) : files.cat(args, () -> copy(Long.MAX_VALUE));
      case "exit" -> throw new ShellExit(exitStatus(args));
      case "sleep" -> sleep(args);
      case "seq" -> Sequence.print(shell, args);
      case "head" -> head(args);
      case "env", "printenv" -> env(args);
      case "hostname" -> print(shell.hostname());
      case "stty" -> stty(args);
      case "true" -> 0;
      case "false" -> 1;
      case "ls" -> shell.files() == null ? ls(args) : files.ls(args);
      case "mkdir" -> files.mkdir(args);
      case "base64" -> files.base64(args, readStdin(args));
      case "set" -> set(args);
      case "pwd" -> print("/");
      default -> {
        shell.err("sh: " + argv.get(0) + ": not found\n");
        yield TinyShell.NOT_FOUND;
      }
    };
  }

  /** {@code sh -c SCRIPT} runs the script; {@code sh} alone reads commands from stdin. */
  private int sh(List<String> args) throws IOException {
    try {
      if (args.isEmpty() || args.equals(List.of("-i")) || args.equals(List.of("-s"))) {
        return shell.interactive();
      }
      if ("-c".equals(args.get(0))) {
        if (args.size() < 2) {
          shell.err("sh: -c requires an argument\n");
          return 2;
        }
        return shell.script(args.get(1));
      }
      shell.err("sh: 0: cannot open " + args.get(0) + ": No such file\n");
      return 2;
    } catch (ShellExit exit) {
      return exit.status(); // exit ends this shell, not the one that started it
    }
  }

  private int echo(List<String> args) throws IOException {
    boolean newline = args.isEmpty() || !"-n".equals(args.get(0));
    List<String> words = newline ? args : args.subList(1, args.size());
    return write(String.join(" ", words) + (newline ? "\n" : ""));
  }

  /** Copies stdin to stdout until it ends, flushing each read so that it works interactively. */
  private int cat(List<String> args) throws IOException {
    for (String file : args) {
      if (!"-".equals(file)) {
        shell.err("cat: can't open '" + file + "': No such file or directory\n");
        return 1;
      }
    }
    copy(Long.MAX_VALUE);
    return 0;
  }

  /** {@code head -c N [/dev/zero | -]}: N zero bytes, or the first N bytes of stdin. */
  private int head(List<String> args) throws IOException {
    long count;
    if (args.size() < 2 || !"-c".equals(args.get(0))) {
      shell.err("head: only 'head -c N [/dev/zero]' is supported\n");
      return 1;
    }
    try {
      count = Long.parseLong(args.get(1));
    } catch (NumberFormatException e) {
      shell.err("head: invalid number '" + args.get(1) + "'\n");
      return 1;
    }
    String file = args.size() > 2 ? args.get(2) : "-";
    if ("-".equals(file)) {
      copy(count);
      return 0;
    }
    if (!"/dev/zero".equals(file)) {
      shell.err("head: " + file + ": No such file or directory\n");
      return 1;
    }
    OutputStream out = shell.stdout();
    for (long left = count; left > 0; left -= CHUNK) {
      out.write(ZEROS, 0, (int) Math.min(left, CHUNK));
    }
    return 0;
  }

  /** All of stdin when {@code args} name no file, else nothing (stdin is left alone). */
  private ByteArrayOutputStream readStdin(List<String> args) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    if (args.stream().allMatch(a -> a.startsWith("-"))) {
      byte[] buffer = new byte[CHUNK];
      for (int read; (read = shell.stdin().read(buffer)) >= 0; ) {
        all.write(buffer, 0, read);
      }
    }
    return all;
  }

  /** {@code set -e} and {@code set +e}; other options are accepted and ignored. */
  private int set(List<String> args) {
    for (String arg : args) {
      if (arg.matches("[-+][a-z]*e[a-z]*")) {
        shell.errexit(arg.startsWith("-"));
      }
    }
    return 0;
  }

  private void copy(long limit) throws IOException {
    byte[] buffer = new byte[CHUNK];
    long left = limit;
    while (left > 0) {
      int read = shell.stdin().read(buffer);
      if (read < 0) {
        return;
      }
      int used = (int) Math.min(read, left); // head -c drops the rest of a longer read
      shell.stdout().write(buffer, 0, used);
      shell.stdout().flush();
      left -= used;
    }
  }

  private int sleep(List<String> args) throws IOException {
    String text = args.isEmpty() ? "" : args.get(0);
    double seconds;
    try {
      seconds = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      seconds = -1;
    }
    if (!(seconds >= 0) || Double.isInfinite(seconds)) {
      shell.err("sleep: invalid number '" + text + "'\n");
      return 1;
    }
    try {
      if (!shell.sleep(Duration.ofNanos((long) (seconds * 1e9)))) {
        return 0;
      }
      if (shell.tty()) {
        shell.out("^C\n"); // the terminal's echo of the Ctrl-C
      }
      return 130;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // so that enclosing shells stop too
      throw new ShellExit(130);
    }
  }

  private int env(List<String> args) throws IOException {
    if (!args.isEmpty()) {
      String value = shell.env().get(args.get(0));
      return value == null ? 1 : print(value);
    }
    StringBuilder text = new StringBuilder();
    for (Map.Entry<String, String> variable : shell.env().entrySet()) {
      text.append(variable.getKey()).append('=').append(variable.getValue()).append('\n');
    }
    return write(text.toString());
  }

  private int stty(List<String> args) throws IOException {
    if (!shell.tty()) {
      shell.err("stty: standard input: Not a tty\n");
      return 1;
    }
    return args.contains("size") ? print(shell.rows() + " " + shell.columns()) : 0;
  }

  /** A plausible root file system: {@code /} lists its directories, which are empty. */
  private int ls(List<String> args) throws IOException {
    List<String> paths = args.stream().filter(a -> !a.startsWith("-")).toList();
    if (paths.isEmpty() || paths.equals(List.of("/")) || paths.equals(List.of("."))) {
      return print(String.join("\n", ROOT));
    }
    for (String path : paths) {
      String top = path.replaceAll("^/+|/+$", "");
      if (!ROOT.contains(top)) {
        shell.err("ls: " + path + ": No such file or directory\n");
        return 2;
      }
    }
    return 0;
  }

  private int print(String line) throws IOException {
    return write(line + "\n");
  }

  private int write(String text) throws IOException {
    shell.out(text);
    return 0;
  }

  /** {@code exit} without a number keeps the last status, as in every shell. */
  private int exitStatus(List<String> args) throws IOException {
    if (args.isEmpty()) {
      return shell.lastStatus();
    }
    try {
      return Integer.parseInt(args.get(0));
    } catch (NumberFormatException e) {
      shell.err("sh: exit: Illegal number: " + args.get(0) + "\n");
      return 2; // dash's status for a bad number
    }
  }
}
