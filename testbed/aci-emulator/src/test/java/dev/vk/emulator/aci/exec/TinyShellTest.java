package dev.vk.emulator.aci.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TinyShellTest {

  private final TestingTty tty = new TestingTty();
  private final TinyShell shell = new TinyShell(tty, "default-web", Map.of("MODE", "test"));

  @Test
  @DisplayName("an interactive sh prompts, echoes keystrokes and runs each line")
  void interactiveShell() {
    shell.start("/bin/sh");
    assertThat(tty.takeOutput()).isEqualTo("# ");
    shell.input("echo hi\r");
    assertThat(tty.takeOutput()).isEqualTo("echo hi\r\nhi\r\n# ");
    shell.input("env; hostname\r");
    assertThat(tty.takeOutput()).isEqualTo("env; hostname\r\nMODE=test\r\ndefault-web\r\n# ");
    shell.input("exit\r");
    assertThat(tty.hungUp).isTrue();
  }

  @Test
  @DisplayName("cat echoes each line back until Ctrl-D, like a TTY (typed echo plus cat's output)")
  void catEchoesStdin() {
    shell.start("cat");
    shell.input("abc\r");
    assertThat(tty.takeOutput()).isEqualTo("abc\r\nabc\r\n");
    shell.input("\u0004");
    assertThat(tty.hungUp).isTrue();
  }

  @Test
  @DisplayName("sleep holds the prompt until its time; Ctrl-C cuts it short")
  void sleepAndInterrupt() {
    shell.start("sh");
    shell.input("sleep 2; echo done\r");
    assertThat(tty.delays).containsExactly(Duration.ofSeconds(2));
    assertThat(tty.takeOutput()).isEqualTo("# sleep 2; echo done\r\n");
    tty.runScheduled();
    assertThat(tty.takeOutput()).isEqualTo("done\r\n# ");
    shell.input("sleep 100\r");
    shell.input("\u0003");
    assertThat(tty.scheduled).isEmpty();
    assertThat(tty.takeOutput()).endsWith("^C\r\n# ");
  }

  @Test
  @DisplayName("a single command runs and the session ends; exit N ends it too")
  void singleCommand() {
    shell.start("echo hello world");
    assertThat(tty.takeOutput()).isEqualTo("hello world\r\n");
    assertThat(tty.hungUp).isTrue();
  }

  @Test
  @DisplayName(
      "an unknown program fails like ACI's exec does; unknown commands in sh print 'not found'")
  void unknownCommands() {
    shell.start("ls");
    assertThat(tty.takeOutput()).contains("exec: \"ls\": executable file not found in $PATH");
    assertThat(tty.hungUp).isTrue();

    TestingTty other = new TestingTty();
    TinyShell sh = new TinyShell(other, "h", Map.of());
    sh.start("sh");
    sh.input("ls\r");
    assertThat(other.takeOutput()).endsWith("sh: ls: not found\r\n# ");
  }

  @Test
  @DisplayName("backspace edits the line before it runs")
  void backspace() {
    shell.start("sh");
    tty.takeOutput();
    shell.input("echo hix\u007f\r");
    assertThat(tty.takeOutput()).endsWith("\r\nhi\r\n# ");
  }
}
