package dev.vk.provider.mock.shell;

import java.io.IOException;
import java.util.List;

/** {@code seq LAST} and {@code seq FIRST LAST}: one integer a line, written in large chunks. */
final class Sequence {

  private static final int CHUNK = 64 * 1024;

  private Sequence() {}

  /** Writes the sequence to the shell's stdout and returns the exit status; blocks on stdout. */
  static int print(TinyShell shell, List<String> args) throws IOException {
    if (args.isEmpty() || args.size() > 2) {
      shell.err("seq: usage: seq [FIRST] LAST\n");
      return 1;
    }
    for (String arg : args) {
      if (!arg.matches("-?\\d{1,18}")) {
        shell.err("seq: invalid number '" + arg + "'\n");
        return 1;
      }
    }
    long first = args.size() == 2 ? Long.parseLong(args.get(0)) : 1;
    long last = Long.parseLong(args.get(args.size() - 1));
    StringBuilder text = new StringBuilder();
    for (long i = first; i <= last; i++) {
      text.append(i).append('\n');
      if (text.length() >= CHUNK) { // one write a chunk, not a write a line
        shell.out(text.toString());
        text.setLength(0);
      }
    }
    shell.out(text.toString());
    return 0;
  }
}
