package dev.vk.provider.mock.shell;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The commands that read or write files through the shell's {@link ShellFiles}: {@code cat FILE},
 * {@code ls DIR}, {@code mkdir [-p]}, and {@code base64 [-d] [FILE]}. Messages and statuses are
 * busybox's, as in the small images (busybox, alpine) whose scripts these commands serve.
 */
final class FileCommands {
  /** Copies stdin to stdout ({@code cat -}). */
  interface StdinCopy {
    void copy() throws IOException;
  }

  private final TinyShell shell;

  FileCommands(TinyShell shell) {
    this.shell = shell;
  }

  /** Writes each file in turn ({@code -} is stdin); a file that cannot be read fails with 1. */
  int cat(List<String> args, StdinCopy copyStdin) throws IOException {
    int status = 0;
    for (String file : args.isEmpty() ? List.of("-") : args) {
      if ("-".equals(file)) {
        copyStdin.copy();
        continue;
      }
      try {
        shell.stdout().write(shell.files().read(file));
      } catch (ShellFiles.Failure e) {
        shell.err(
            ShellFiles.Failure.IS_DIRECTORY.equals(e.reason())
                ? "cat: read error: Is a directory\n"
                : "cat: can't open '" + file + "': " + e.reason() + "\n");
        status = 1;
      }
    }
    return status;
  }

  /** One name a line; several directories each under a {@code DIR:} heading. */
  int ls(List<String> args) throws IOException {
    List<String> paths = args.stream().filter(a -> !a.startsWith("-")).toList();
    if (paths.isEmpty()) {
      paths = List.of(".");
    }
    int status = 0;
    StringBuilder out = new StringBuilder();
    for (String path : paths) {
      try {
        List<String> names = shell.files().list(path);
        if (paths.size() > 1) {
          out.append(out.length() == 0 ? "" : "\n").append(path).append(":\n");
        }
        names.forEach(n -> out.append(n).append('\n'));
      } catch (ShellFiles.Failure e) {
        shell.err("ls: " + path + ": " + e.reason() + "\n");
        status = 2;
      }
    }
    shell.out(out.toString());
    return status;
  }

  int mkdir(List<String> args) throws IOException {
    boolean parents = args.contains("-p");
    int status = 0;
    for (String dir : args.stream().filter(a -> !a.startsWith("-")).toList()) {
      try {
        if (shell.files() == null) {
          throw new ShellFiles.Failure(ShellFiles.Failure.READ_ONLY);
        }
        if (!parents) {
          refuseExisting(dir);
        }
        shell.files().mkdirs(dir);
      } catch (ShellFiles.Failure e) {
        shell.err("mkdir: can't create directory '" + dir + "': " + e.reason() + "\n");
        status = 1;
      }
    }
    return status;
  }

  /** Without {@code -p}, the directory must not exist and its parent must. */
  private void refuseExisting(String dir) throws ShellFiles.Failure {
    boolean exists;
    try {
      shell.files().list(dir);
      exists = true;
    } catch (ShellFiles.Failure e) {
      exists = false;
    }
    if (exists) {
      throw new ShellFiles.Failure(ShellFiles.Failure.EXISTS);
    }
    String parent = dir.contains("/") ? dir.substring(0, dir.lastIndexOf('/')) : ".";
    shell.files().list(parent.isEmpty() ? "/" : parent);
  }

  /** Encodes (76 columns a line) or, with {@code -d}, decodes ignoring line breaks. */
  int base64(List<String> args, ByteArrayOutputStream stdin) throws IOException {
    boolean decode = args.contains("-d");
    List<String> files = args.stream().filter(a -> !a.startsWith("-")).toList();
    byte[] input;
    if (files.isEmpty() || "-".equals(files.get(0))) {
      input = stdin.toByteArray();
    } else {
      try {
        input = shell.files() == null ? null : shell.files().read(files.get(0));
        if (input == null) {
          throw new ShellFiles.Failure(ShellFiles.Failure.NOT_FOUND);
        }
      } catch (ShellFiles.Failure e) {
        shell.err("base64: can't open '" + files.get(0) + "': " + e.reason() + "\n");
        return 1;
      }
    }
    if (decode) {
      String text = new String(input, StandardCharsets.US_ASCII).replaceAll("\\s", "");
      try {
        shell.stdout().write(Base64.getDecoder().decode(text));
        return 0;
      } catch (IllegalArgumentException e) {
        shell.err("base64: invalid input\n");
        return 1;
      }
    }
    String encoded = Base64.getEncoder().encodeToString(input);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < encoded.length(); i += 76) {
      out.append(encoded, i, Math.min(encoded.length(), i + 76)).append('\n');
    }
    shell.out(out.toString());
    return 0;
  }
}
