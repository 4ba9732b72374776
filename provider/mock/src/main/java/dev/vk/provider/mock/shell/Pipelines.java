package dev.vk.provider.mock.shell;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Runs one command of a script that has a file system: stages joined by {@code |} (each stage's
 * output, collected whole, is the next one's stdin) and a {@code > FILE} or {@code >> FILE}
 * redirection per stage. As in a shell, the file is created or truncated before the command runs,
 * so a refused redirection ({@code sh: can't create X: Read-only file system}) runs nothing.
 */
final class Pipelines {
  private final TinyShell shell;

  Pipelines(TinyShell shell) {
    this.shell = shell;
  }

  /** Runs the stages in order; the status is the last stage's. */
  int run(String text) throws IOException {
    List<String> stages = ShellWords.split(text, '|');
    byte[] piped = null;
    int status = 0;
    for (int i = 0; i < stages.size(); i++) {
      boolean last = i == stages.size() - 1;
      List<String> parts = ShellWords.split(stages.get(i), '>');
      boolean append = parts.size() == 3 && parts.get(1).isEmpty();
      if (parts.size() > 3 || (parts.size() == 3 && !append)) {
        shell.err("sh: syntax error: unexpected redirection\n");
        return 2;
      }
      List<String> argv = ShellWords.words(parts.get(0), shell::variable);
      String target = null;
      if (parts.size() > 1) {
        List<String> words = ShellWords.words(parts.get(parts.size() - 1), shell::variable);
        if (words.size() != 1) {
          shell.err("sh: syntax error: unexpected newline\n");
          return 2;
        }
        target = words.get(0);
      }
      ShellInput in = piped == null ? null : new ShellInput(new ByteArrayInputStream(piped));
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      OutputStream out = last && target == null ? null : buffer;
      byte[] before = new byte[0];
      if (target != null && (before = open(target, append)) == null) {
        status = 1;
        piped = new byte[0];
        continue;
      }
      status = shell.command(argv, in, out);
      piped = buffer.toByteArray();
      if (target != null) {
        save(target, before, piped);
        piped = new byte[0];
      }
    }
    return status;
  }

  /** Creates or truncates the target; what it held when appending, or null when refused. */
  private byte[] open(String target, boolean append) throws IOException {
    try {
      byte[] kept = new byte[0];
      if (append) {
        try {
          kept = shell.files().read(target);
        } catch (ShellFiles.Failure e) {
          kept = new byte[0]; // absent: created below
        }
      }
      shell.files().write(target, kept);
      return kept;
    } catch (ShellFiles.Failure e) {
      String reason =
          ShellFiles.Failure.NOT_FOUND.equals(e.reason()) ? "nonexistent directory" : e.reason();
      shell.err("sh: can't create " + target + ": " + reason + "\n");
      return null;
    }
  }

  private void save(String target, byte[] before, byte[] written) throws IOException {
    byte[] content = new byte[before.length + written.length];
    System.arraycopy(before, 0, content, 0, before.length);
    System.arraycopy(written, 0, content, before.length, written.length);
    try {
      shell.files().write(target, content);
    } catch (ShellFiles.Failure e) {
      shell.err("sh: write error: " + e.reason() + "\n");
    }
  }
}
