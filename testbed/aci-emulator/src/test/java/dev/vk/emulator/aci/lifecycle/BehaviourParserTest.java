package dev.vk.emulator.aci.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BehaviourParserTest {

  private static Behaviour parse(String... command) {
    return BehaviourParser.parse(List.of(command), Map.of());
  }

  @Test
  @DisplayName("sh -c scripts of echo/sleep/exit become scripts with their run time and exit code")
  void shellScripts() {
    Behaviour b = parse("/bin/sh", "-c", "echo 'hello world'; sleep 1.5 && exit 3");
    assertThat(b.steps())
        .containsExactly(
            new Behaviour.Echo("hello world"),
            new Behaviour.Sleep(Duration.ofMillis(1500)),
            new Behaviour.Exit(3));
    assertThat(b.runTime()).contains(Duration.ofMillis(1500));
    assertThat(b.exitCode()).isEqualTo(3);
  }

  @Test
  @DisplayName(
      "plain sleep N exits 0 after N seconds; sleep infinity never exits and prints nothing")
  void sleep() {
    assertThat(parse("sleep", "5").runTime()).contains(Duration.ofSeconds(5));
    Behaviour forever = parse("sleep", "infinity");
    assertThat(forever.runTime()).isEmpty();
    assertThat(forever.ticker()).isFalse();
  }

  @Test
  @DisplayName("no command, or one the emulator cannot run, is a ticker that runs forever")
  void everythingElseTicks() {
    assertThat(BehaviourParser.parse(List.of(), Map.of()).ticker()).isTrue();
    assertThat(parse("nginx", "-g", "daemon off;").ticker()).isTrue();
    assertThat(parse("sh", "-c", "while true; do date; done").ticker()).isTrue();
  }

  @Test
  @DisplayName("ACI_EMULATOR_BEHAVIOUR overrides the command")
  void environmentOverride() {
    Behaviour b =
        BehaviourParser.parse(List.of("nginx"), Map.of(BehaviourParser.BEHAVIOUR_ENV, "exit 7"));
    assertThat(b.exitCode()).isEqualTo(7);
    assertThat(b.ticker()).isFalse();
  }
}
