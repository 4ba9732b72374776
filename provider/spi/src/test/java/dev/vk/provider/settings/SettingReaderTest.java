package dev.vk.provider.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The accepted and refused forms of every typed read, and the one message format. */
class SettingReaderTest {
  private enum Path {
    SESSION,
    DIRECT_TCP
  }

  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @DisplayName("every accepted form reads as its value")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          duration          | 500ms   | PT0.5S
          duration          | 30s     | PT30S
          duration          | 5m      | PT5M
          duration          | 1h      | PT1H
          duration          | 1h30m   | PT1H30M
          duration          | PT5S    | PT5S
          duration          | pt5s    | PT5S
          duration          | 0       | PT0S
          duration          | 0s      | PT0S
          positiveDuration  | 1ms     | PT0.001S
          intBetween        | 1       | 1
          intBetween        | 65535   | 65535
          positiveInt       | 3       | 3
          nonNegativeInt    | 0       | 0
          positiveNumber    | 0.5     | 0.5
          bool              | true    | true
          bool              | YES     | true
          bool              | on      | true
          bool              | 1       | true
          bool              | Enabled | true
          bool              | false   | false
          bool              | No      | false
          bool              | off     | false
          bool              | 0       | false
          bool              | disabled | false
          list              | ' a, ,b ' | [a, b]
          oneOf             | linux   | Linux
          enumOf            | direct-tcp | DIRECT_TCP
          enumOf            | SESSION | SESSION
          quantity          | 500m    | 500m
          quantity          | 0       | 0
          positiveQuantity  | 100Gi   | 100Gi
          url               | https://example.com/x | https://example.com/x
          string            | '  x  ' | x
          """)
  void accepts(String kind, String value, String expected) {
    assertThat(String.valueOf(read(kind).apply(reader(value)))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @DisplayName("every refused form names the setting, the value and what is accepted, on one line")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          duration          | 5       | a duration like 500ms, 30s, 5m, 1h30m or PT5S
          duration          | 5x      | a duration like 500ms, 30s, 5m, 1h30m or PT5S
          duration          | -5s     | a duration like 500ms, 30s, 5m, 1h30m or PT5S
          duration          | PT-5S   | a duration like 500ms, 30s, 5m, 1h30m or PT5S
          duration          | 1.5s    | a duration like 500ms, 30s, 5m, 1h30m or PT5S
          positiveDuration  | 0s      | a positive duration like 500ms, 30s, 5m, 1h30m or PT5S
          positiveDuration  | PT0S    | a positive duration like 500ms, 30s, 5m, 1h30m or PT5S
          intBetween        | 0       | a whole number from 1 to 65535
          intBetween        | 65536   | a whole number from 1 to 65535
          intBetween        | ten     | a whole number from 1 to 65535
          positiveInt       | 0       | a whole number above 0
          positiveInt       | 1.5     | a whole number above 0
          nonNegativeInt    | -1      | a whole number, 0 or more
          positiveNumber    | 0       | a number above 0
          positiveNumber    | Infinity | a number above 0
          positiveNumber    | x       | a number above 0
          bool              | maybe   | true or false
          oneOf             | Mac     | one of Linux, Windows
          enumOf            | ssh     | one of session, direct_tcp
          quantity          | -1      | a quantity, 0 or more, like 20, 500m, 100Gi
          quantity          | lots    | a quantity, 0 or more, like 20, 500m, 100Gi
          positiveQuantity  | 0       | a quantity above 0, like 20, 500m, 100Gi
          url               | example.com | an absolute https URL
          url               | http://example.com | an absolute https URL
          """)
  void refuses(String kind, String value, String expected) {
    assertThatThrownBy(() -> read(kind).apply(reader(value)))
        .isInstanceOf(SettingException.class)
        .hasMessage("p-x: '" + value + "' is invalid; expected " + expected);
  }

  @Test
  @DisplayName("an unset or blank setting reads as its default")
  void defaults() {
    SettingReader unset = new SettingReader("p-", name -> Optional.empty());
    SettingReader blank = reader("  ");
    for (SettingReader r : List.of(unset, blank)) {
      assertThat(r.duration("x", Duration.ofSeconds(7))).isEqualTo(Duration.ofSeconds(7));
      assertThat(r.intBetween("x", 9, 1, 10)).isEqualTo(9);
      assertThat(r.bool("x", true)).isTrue();
      assertThat(r.list("x")).isEmpty();
      assertThat(r.url("x", "https")).isEmpty();
      assertThat(r.string("x", "d")).isEqualTo("d");
      assertThat(r.optional("x")).isEmpty();
    }
  }

  @Test
  @DisplayName("a required setting that is not set says so")
  void required() {
    assertThatThrownBy(() -> reader(" ").required("x", "a resource group name"))
        .isInstanceOf(SettingException.class)
        .hasMessage("p-x: not set; expected a resource group name");
  }

  @Test
  @DisplayName("an unreadable file is refused with its path")
  void readableFile() {
    assertThatThrownBy(() -> reader("/no/such/file").readableFile("x"))
        .hasMessage("p-x: '/no/such/file' is invalid; expected a readable file");
  }

  @Test
  @DisplayName("a message stays on one line whatever the value holds")
  void oneLine() {
    assertThatThrownBy(() -> reader("a\nb").duration("x", Duration.ZERO))
        .hasMessage("p-x: 'a b' is invalid; expected " + DurationFormat.ACCEPTED);
  }

  private static SettingReader reader(String value) {
    return new SettingReader("p-", name -> Optional.ofNullable(Map.of("x", value).get(name)));
  }

  private static Function<SettingReader, Object> read(String kind) {
    return switch (kind) {
      case "duration" -> r -> r.duration("x", Duration.ZERO);
      case "positiveDuration" -> r -> r.positiveDuration("x", Duration.ZERO);
      case "intBetween" -> r -> r.intBetween("x", 1, 1, 65535);
      case "positiveInt" -> r -> r.positiveInt("x", 1);
      case "nonNegativeInt" -> r -> r.nonNegativeInt("x", 1);
      case "positiveNumber" -> r -> r.positiveNumber("x", 1);
      case "bool" -> r -> r.bool("x", false);
      case "list" -> r -> r.list("x");
      case "oneOf" -> r -> r.oneOf("x", "Linux", "Linux", "Windows");
      case "enumOf" -> r -> r.enumOf("x", Path.class, Path.SESSION);
      case "quantity" -> r -> r.nonNegativeQuantity("x", "1").toSuffixedString();
      case "positiveQuantity" -> r -> r.positiveQuantity("x", "1").toSuffixedString();
      case "url" -> r -> r.url("x", "https").map(URI::toString).orElse("");
      case "string" -> r -> r.string("x", "");
      default -> throw new IllegalArgumentException(kind);
    };
  }
}
