package dev.vk.emulator.aci.lifecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the tiny shell language shared by container commands and exec sessions: statements
 * separated by {@code ;}, {@code &&} or new lines, words split on blanks, single and double quotes
 * group words. No variables, pipes or redirections.
 */
public final class ShellWords {

  private ShellWords() {}

  /** Splits a script into statements, each a non-empty list of words. */
  public static List<List<String>> statements(String script) {
    List<List<String>> statements = new ArrayList<>();
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < script.length(); i++) {
      char c = script.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (c == ';' || c == '\n' || (c == '&' && next(script, i) == '&')) {
        inWord = flush(words, word, inWord);
        endStatement(statements, words);
        words = new ArrayList<>();
        i += c == '&' ? 1 : 0;
      } else if (Character.isWhitespace(c)) {
        inWord = flush(words, word, inWord);
      } else {
        word.append(c);
        inWord = true;
      }
    }
    flush(words, word, inWord);
    endStatement(statements, words);
    return statements;
  }

  /** Parses a {@code sleep} argument: seconds, fractions allowed, optional {@code s} suffix. */
  public static Duration seconds(String text) {
    String digits = text.endsWith("s") ? text.substring(0, text.length() - 1) : text;
    double seconds = Double.parseDouble(digits);
    if (seconds < 0 || Double.isNaN(seconds)) {
      throw new IllegalArgumentException("negative sleep: " + text);
    }
    return Duration.ofNanos((long) (seconds * 1_000_000_000L));
  }

  private static char next(String s, int i) {
    return i + 1 < s.length() ? s.charAt(i + 1) : 0;
  }

  private static boolean flush(List<String> words, StringBuilder word, boolean inWord) {
    if (inWord) {
      words.add(word.toString());
      word.setLength(0);
    }
    return false;
  }

  private static void endStatement(List<List<String>> statements, List<String> words) {
    if (!words.isEmpty()) {
      statements.add(words);
    }
  }
}
