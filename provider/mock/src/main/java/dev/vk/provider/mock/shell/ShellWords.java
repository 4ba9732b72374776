package dev.vk.provider.mock.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The POSIX-shell lexing {@link TinyShell} needs: a script splits into commands joined by {@code
 * ;}, newline, {@code &&} or {@code ||}; a command splits into words with single quotes, double
 * quotes, backslashes and {@code $NAME}, {@code ${NAME}} and {@code $?} expansion (none inside
 * single quotes). {@link #split} finds pipes and redirections (run by {@link Pipelines} when the
 * shell has files); globs are not supported. Pure and thread-safe.
 */
public final class ShellWords {

  private ShellWords() {}

  /**
   * One command of a script.
   *
   * @param operator what joined it to the previous command: {@code ;}, {@code &&} or {@code ||}
   * @param text the command's unsplit text
   */
  public record Step(String operator, String text) {}

  /** Splits {@code script} at unquoted {@code ;}, newline, {@code &&} and {@code ||}. */
  public static List<Step> commands(String script) {
    List<Step> steps = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    String operator = ";";
    char quote = 0;
    for (int i = 0; i < script.length(); i++) {
      char c = script.charAt(i);
      boolean doubled = i + 1 < script.length() && script.charAt(i + 1) == c;
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
        current.append(c);
      } else if (c == '\\' && i + 1 < script.length()) {
        current.append(c).append(script.charAt(++i));
      } else if (c == '\'' || c == '"') {
        quote = c;
        current.append(c);
      } else if (c == ';' || c == '\n' || ((c == '&' || c == '|') && doubled)) {
        add(steps, operator, current);
        operator = c == '&' || c == '|' ? "" + c + c : ";";
        i += c == '&' || c == '|' ? 1 : 0;
      } else {
        current.append(c);
      }
    }
    add(steps, operator, current);
    return steps;
  }

  /**
   * Splits {@code text} at every unquoted, unescaped {@code separator} (so {@code a>>b} gives
   * {@code a}, an empty part and {@code b}); parts are trimmed.
   */
  public static List<String> split(String text, char separator) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '\\' && i + 1 < text.length()) {
        current.append(c);
        c = text.charAt(++i);
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == separator) {
        parts.add(current.toString().trim());
        current.setLength(0);
        continue;
      }
      current.append(c);
    }
    parts.add(current.toString().trim());
    return parts;
  }

  private static void add(List<Step> steps, String operator, StringBuilder text) {
    if (!text.toString().isBlank()) {
      steps.add(new Step(operator, text.toString().trim()));
    }
    text.setLength(0);
  }

  /**
   * Splits one command into words, expanding variables through {@code variables} (which maps {@code
   * ?} to the last status and unknown names to the empty string).
   */
  public static List<String> words(String command, UnaryOperator<String> variables) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false; // '' is a word, so emptiness of the builder does not tell
    char quote = 0;
    for (int i = 0; i < command.length(); i++) {
      char c = command.charAt(i);
      if (quote == '\'') {
        quote = c == '\'' ? 0 : quote;
        if (c != '\'') {
          word.append(c);
        }
      } else if (c == '\\' && i + 1 < command.length()) {
        word.append(command.charAt(++i));
        inWord = true;
      } else if (c == '$' && i + 1 < command.length()) {
        i = expand(command, i, word, variables);
        inWord = true;
      } else if (quote == '"') {
        quote = c == '"' ? 0 : quote;
        if (c != '"') {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  /** Expands the variable whose {@code $} is at {@code start}; returns the index of its end. */
  private static int expand(
      String text, int start, StringBuilder out, UnaryOperator<String> variables) {
    char first = text.charAt(start + 1);
    if (first == '?') {
      out.append(variables.apply("?"));
      return start + 1;
    }
    int close = text.indexOf('}', start);
    if (first == '{' && close > 0) {
      out.append(variables.apply(text.substring(start + 2, close)));
      return close;
    }
    int end = start + 1;
    while (end < text.length()
        && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
      end++;
    }
    if (end == start + 1) {
      out.append('$'); // a lone dollar sign is literal
      return start;
    }
    out.append(variables.apply(text.substring(start + 1, end)));
    return end - 1;
  }
}
