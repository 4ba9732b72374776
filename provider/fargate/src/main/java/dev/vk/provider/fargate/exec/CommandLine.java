package dev.vk.provider.fargate.exec;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns the kubelet's argv into the single {@code command} string ExecuteCommand takes. In a
 * container the SSM agent splits that string with {@code shlex} and executes the words directly (no
 * shell), so each argument is quoted to come back as exactly one word: {@code sh -c 'exit 3'}
 * arrives as {@code ["sh", "-c", "exit 3"]}.
 */
final class CommandLine {
  /** Words made only of these characters mean the same quoted or not. */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

  private CommandLine() {}

  static String of(List<String> argv) {
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("empty command");
    }
    return argv.stream().map(CommandLine::quote).collect(Collectors.joining(" "));
  }

  /**
   * One word, single-quoted unless plain. Nothing is special inside single quotes, so an embedded
   * quote closes the quoting, is escaped with a backslash, and reopens it: {@code '\''}.
   */
  static String quote(String word) {
    if (!word.isEmpty() && PLAIN.matcher(word).matches()) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
