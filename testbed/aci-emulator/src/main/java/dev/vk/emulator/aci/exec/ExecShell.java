package dev.vk.emulator.aci.exec;

import dev.vk.provider.mock.shell.ShellFiles;
import dev.vk.provider.mock.shell.ShellProcess;
import dev.vk.provider.mock.shell.ShellWords;
import dev.vk.provider.mock.shell.TinyShell;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * What an exec session runs: the command ACI's executeCommand was given, in the mock provider's
 * {@link TinyShell} over a TTY (so {@code /bin/sh} is an interactive shell prompting with {@value
 * TinyShell#PROMPT}), on its own thread. A program the shell does not know fails the way ACI's exec
 * does. The session hangs up when the command ends; ACI reports no exit code.
 */
final class ExecShell {

  private final Tty tty;
  private final ShellProcess process;

  /** A shell writing to {@code tty} (from its own thread) in a container with this environment. */
  ExecShell(Tty tty, String hostname, Map<String, String> env, TinyShell.Sleeper sleeper) {
    this(tty, hostname, env, null, sleeper);
  }

  /** The same, in a container seeing {@code files} (null: none). */
  ExecShell(
      Tty tty,
      String hostname,
      Map<String, String> env,
      ShellFiles files,
      TinyShell.Sleeper sleeper) {
    this.tty = tty;
    TinyShell.Builder shell =
        TinyShell.builder()
            .env(env)
            .hostname(hostname)
            .tty(true)
            .stdout(new TtyOutput(tty))
            .sleeper(sleeper);
    if (files != null) {
      shell.files(files);
    }
    this.process = new ShellProcess(shell);
  }

  /** Runs {@code command}, split into words as ACI does (no shell in between). */
  void start(String command) {
    List<String> argv = ShellWords.words(command, name -> "$" + name);
    String program = argv.isEmpty() ? command : argv.get(0);
    if (argv.isEmpty() || !TinyShell.knows(program)) {
      tty.print(
          "OCI runtime exec failed: exec failed: unable to start container process: exec: \""
              + program
              + "\": executable file not found in $PATH: unknown\r\n");
      tty.hangUp();
      return;
    }
    process.start("aci-exec", argv, status -> tty.hangUp());
  }

  /** Keystrokes from the client. */
  void input(CharSequence keys) {
    process.type(keys.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The connection went away. */
  void stop() {
    process.kill();
  }

  /** The shell's terminal output, printed as it is written. */
  private static final class TtyOutput extends OutputStream {
    private final Tty tty;

    TtyOutput(Tty tty) {
      this.tty = tty;
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      tty.print(new String(bytes, offset, length, StandardCharsets.UTF_8));
    }
  }
}
