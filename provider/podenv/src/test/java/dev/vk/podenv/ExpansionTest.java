package dev.vk.podenv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The kubelet's $(VAR) rules, case by case (third_party/forked/golang/expansion). */
class ExpansionTest {

  private static final Map<String, String> VARS =
      Map.of("VAR", "value", "EMPTY", "", "NESTED", "$(VAR)", "A", "1");

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("", ""),
        Arguments.of("plain text", "plain text"),
        Arguments.of("$(VAR)", "value"),
        Arguments.of("pre-$(VAR)-post", "pre-value-post"),
        Arguments.of("$(VAR)$(A)$(VAR)", "value1value"),
        Arguments.of("$(EMPTY)", ""),
        Arguments.of("$(UNDEFINED)", "$(UNDEFINED)"),
        Arguments.of("x$(UNDEFINED)y$(A)", "x$(UNDEFINED)y1"),
        Arguments.of("$(NESTED)", "$(VAR)"),
        Arguments.of("$$(VAR)", "$(VAR)"),
        Arguments.of("$$$(VAR)", "$value"),
        Arguments.of("$$$$(VAR)", "$$(VAR)"),
        Arguments.of("$$", "$"),
        Arguments.of("$$$", "$$"),
        Arguments.of("a$$b", "a$b"),
        Arguments.of("$", "$"),
        Arguments.of("end$", "end$"),
        Arguments.of("$VAR", "$VAR"),
        Arguments.of("${VAR}", "${VAR}"),
        Arguments.of("$ $(A)", "$ 1"),
        Arguments.of("$a$(A)", "$a1"),
        Arguments.of("$(", "$("),
        Arguments.of("$$(", "$("),
        Arguments.of("$(VAR", "$(VAR"),
        Arguments.of("$(VAR$(A)", "$(VAR$(A)"),
        Arguments.of("$()", "$()"),
        Arguments.of("$(VAR))", "value)"),
        Arguments.of("$((VAR)", "$((VAR)"),
        Arguments.of("$(VAR )", "$(VAR )"),
        Arguments.of("$é$(A)", "$é1"),
        Arguments.of("100% $(A)", "100% 1"));
  }

  @ParameterizedTest(name = "[{index}] \"{0}\" -> \"{1}\"")
  @MethodSource("cases")
  void expandsLikeTheKubelet(String input, String expected) {
    assertThat(Expansion.expand(input, VARS::get)).isEqualTo(expected);
  }
}
