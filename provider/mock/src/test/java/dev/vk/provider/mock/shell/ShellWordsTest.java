package dev.vk.provider.mock.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ShellWordsTest {

  private static final Map<String, String> VARIABLES = Map.of("?", "3", "HOSTNAME", "web");

  static Stream<Arguments> words() {
    return Stream.of(
        Arguments.of("echo a  b", List.of("echo", "a", "b")),
        Arguments.of("echo 'a  b' \"c d\"", List.of("echo", "a  b", "c d")),
        Arguments.of("echo '' x", List.of("echo", "", "x")),
        Arguments.of("echo it\\'s", List.of("echo", "it's")),
        Arguments.of("echo \"say 'hi'\"", List.of("echo", "say 'hi'")),
        Arguments.of("echo $HOSTNAME ${HOSTNAME}x", List.of("echo", "web", "webx")),
        Arguments.of("echo '$HOSTNAME' \"$HOSTNAME\"", List.of("echo", "$HOSTNAME", "web")),
        Arguments.of("echo $? $UNSET.", List.of("echo", "3", ".")),
        Arguments.of("echo a$", List.of("echo", "a$")),
        Arguments.of("  ", List.of()));
  }

  @ParameterizedTest(name = "[{0}]")
  @MethodSource
  void words(String command, List<String> expected) {
    assertThat(ShellWords.words(command, name -> VARIABLES.getOrDefault(name, "")))
        .isEqualTo(expected);
  }

  static Stream<Arguments> commands() {
    return Stream.of(
        Arguments.of("echo a; echo b", List.of(step(";", "echo a"), step(";", "echo b"))),
        Arguments.of("true && echo b", List.of(step(";", "true"), step("&&", "echo b"))),
        Arguments.of("false || echo b", List.of(step(";", "false"), step("||", "echo b"))),
        Arguments.of("echo a\necho b\n", List.of(step(";", "echo a"), step(";", "echo b"))),
        Arguments.of("echo 'a; b' \"&&\"", List.of(step(";", "echo 'a; b' \"&&\""))),
        Arguments.of("echo a\\; b", List.of(step(";", "echo a\\; b"))),
        Arguments.of(";;", List.of()));
  }

  @ParameterizedTest(name = "[{0}]")
  @MethodSource
  void commands(String script, List<ShellWords.Step> expected) {
    assertThat(ShellWords.commands(script)).isEqualTo(expected);
  }

  private static ShellWords.Step step(String operator, String text) {
    return new ShellWords.Step(operator, text);
  }
}
