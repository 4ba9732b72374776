package dev.vk.emulator.ecs.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The POSIX-shell lexing the emulated shell needs: splitting a script into commands joined by
 * {@code ;}, newline, {@code &&} or {@code ||}, and a command into words with quotes, backslashes
 * and {@code $VAR}/{@code ${VAR}}/{@code $?} expansion (none inside single quotes).
 */
public final class ShellWords {
  private ShellWords() {}

  /** One command of a script and the operator that joined it to the previous one. */
  public record Step(String operator, String text) {}

  /** Splits {@code script} at unquoted {@code ;}, newline, {@code &&} and {@code ||}. */
  public static List<Step> commands(String script) {
    List<Step> steps = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    String operator = ";";
    char quote = 0;
    for (int i = 0; i < script.length(); i++) {
      char c = script.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
        current.append(c);
      } else if (c == '\\' && i + 1 < script.length()) {
        current.append(c).append(script.charAt(++i));
      } else if (c == '\'' || c == '"') {
        quote = c;
        current.append(c);
      } else if (c == ';' || c == '\n' || c == '&' || (c == '|' && next(script, i) == '|')) {
        boolean doubled = (c == '&' || c == '|') && next(script, i) == c;
        add(steps, operator, current);
        operator = doubled ? "" + c + c : ";";
        i += doubled ? 1 : 0;
      } else {
        current.append(c);
      }
    }
    add(steps, operator, current);
    return steps;
  }

  private static char next(String text, int i) {
    return i + 1 < text.length() ? text.charAt(i + 1) : 0;
  }

  private static void add(List<Step> steps, String operator, StringBuilder text) {
    if (!text.toString().isBlank()) {
      steps.add(new Step(operator, text.toString().trim()));
    }
    text.setLength(0);
  }

  /** Splits a command into words, expanding variables through {@code variables}. */
  public static List<String> words(String command, Function<String, String> variables) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < command.length(); i++) {
      char c = command.charAt(i);
      if (quote == '\'') {
        if (c == '\'') {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\\' && i + 1 < command.length()) {
        word.append(command.charAt(++i));
        inWord = true;
      } else if (c == '$' && i + 1 < command.length()) {
        i = expand(command, i, word, variables);
        inWord = true;
      } else if (quote == '"') {
        if (c == '"') {
          quote = 0;
        } else {
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

  /** Expands the variable at {@code start} ({@code $}) and returns the index of its last char. */
  private static int expand(
      String text, int start, StringBuilder out, Function<String, String> variables) {
    char first = text.charAt(start + 1);
    if (first == '?') {
      out.append(variables.apply("?"));
      return start + 1;
    }
    if (first == '{') {
      int close = text.indexOf('}', start);
      if (close > 0) {
        out.append(variables.apply(text.substring(start + 2, close)));
        return close;
      }
    }
    int end = start + 1;
    while (end < text.length()
        && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
      end++;
    }
    if (end == start + 1) {
      out.append('$');
      return start;
    }
    out.append(variables.apply(text.substring(start + 1, end)));
    return end - 1;
  }
}
