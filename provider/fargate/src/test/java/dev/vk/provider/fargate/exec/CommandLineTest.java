package dev.vk.provider.fargate.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLineTest {

  @Test
  void leavesPlainWordsAloneAndQuotesTheRest() {
    assertThat(CommandLine.of(List.of("echo", "hi"))).isEqualTo("echo hi");
    assertThat(CommandLine.of(List.of("sh", "-c", "exit 3"))).isEqualTo("sh -c 'exit 3'");
    assertThat(CommandLine.of(List.of("echo", ""))).isEqualTo("echo ''");
  }

  @Test
  void quotesEmbeddedSingleQuotesOutsideTheQuoting() {
    assertThat(CommandLine.quote("it's")).isEqualTo("'it'\\''s'");
  }

  @Test
  void everyArgumentComesBackAsOneWordWhenSplitAsTheAgentSplits() {
    List<String> argv =
        List.of("sh", "-c", "echo \"$HOME\" && printf '%s\\n' a;b", "it's", "", "a\\b", "x y\tz\n");

    assertThat(shlexSplit(CommandLine.of(argv))).isEqualTo(argv);
  }

  /**
   * The agent's splitting (github.com/google/shlex, POSIX rules): whitespace separates words,
   * nothing is special inside single quotes, a backslash outside quotes escapes the next character,
   * and adjacent quoted and unquoted parts form one word.
   */
  private static List<String> shlexSplit(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\'') {
        int end = line.indexOf('\'', i + 1);
        word.append(line, i + 1, end);
        i = end;
        inWord = true;
      } else if (c == '\\') {
        word.append(line.charAt(++i));
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
}
