package dev.vk.podenv;

import java.util.function.Function;

/**
 * The kubelet's {@code $(VAR)} expansion, rule for rule: {@code $(NAME)} becomes the variable's
 * value or stays verbatim when undefined; {@code $$} becomes {@code $} wherever it appears (so
 * {@code $$(NAME)} escapes a reference); any other {@code $x} is copied as is, as are an
 * unterminated {@code $(} and a trailing {@code $}. The name runs to the first {@code )}.
 */
final class Expansion {

  private Expansion() {}

  /**
   * Expands {@code input}.
   *
   * @param values the value of a variable, or null when it is not defined
   */
  static String expand(String input, Function<String, String> values) {
    if (input == null || input.indexOf('$') < 0) {
      return input;
    }
    StringBuilder out = new StringBuilder(input.length());
    int i = 0;
    while (i < input.length()) {
      char c = input.charAt(i);
      if (c != '$' || i + 1 == input.length()) {
        out.append(c);
        i++;
        continue;
      }
      char next = input.charAt(i + 1);
      int close = next == '(' ? input.indexOf(')', i + 2) : -1;
      if (close >= 0) {
        String name = input.substring(i + 2, close);
        String value = values.apply(name);
        out.append(value != null ? value : "$(" + name + ")");
        i = close + 1;
      } else if (next == '$') {
        out.append('$');
        i += 2;
      } else {
        // "$(" without a closer, or "$" before an ordinary character: both kept as written.
        out.append('$').append(next);
        i += 2;
      }
    }
    return out.toString();
  }
}
