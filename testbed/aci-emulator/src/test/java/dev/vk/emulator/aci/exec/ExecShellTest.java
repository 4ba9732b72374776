package dev.vk.emulator.aci.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ExecShellTest {

  private final TestingTty tty = new TestingTty();
  private final List<Duration> delays = new CopyOnWriteArrayList<>();
  private final Semaphore timeUp = new Semaphore(0);
  private final ExecShell shell =
      new ExecShell(
          tty,
          "default-web",
          Map.of("MODE", "test"),
          duration -> {
            delays.add(duration);
            timeUp.acquire(); // a sleep ends when the test says so
          });

  @AfterEach
  void stop() {
    shell.stop();
  }

  /** Waits for the output to become {@code expected}, then takes it. */
  private void expectOutput(String expected) {
    await().until(() -> tty.output().equals(expected));
    tty.takeOutput();
  }

  @Test
  @DisplayName("an interactive sh prompts, echoes keystrokes and runs each line")
  void interactiveShell() {
    shell.start("/bin/sh");
    expectOutput("# ");
    shell.input("echo hi\r");
    expectOutput("echo hi\r\nhi\r\n# ");
    shell.input("env; hostname\r");
    expectOutput("env; hostname\r\nMODE=test\r\ndefault-web\r\n# ");
    shell.input("exit\r");
    await().until(tty::hungUp);
  }

  @Test
  @DisplayName("cat echoes each line back until Ctrl-D, like a TTY (typed echo plus cat's output)")
  void catEchoesStdin() {
    shell.start("cat");
    shell.input("abc\r");
    expectOutput("abc\r\nabc\r\n");
    shell.input("\u0004");
    await().until(tty::hungUp);
  }

  @Test
  @DisplayName("sleep holds the prompt until its time; Ctrl-C cuts it short")
  void sleepAndInterrupt() {
    shell.start("sh");
    shell.input("sleep 2; echo done\r");
    await().until(() -> delays.size() == 1);
    assertThat(delays).containsExactly(Duration.ofSeconds(2));
    expectOutput("# sleep 2; echo done\r\n");
    timeUp.release();
    expectOutput("done\r\n# ");
    shell.input("sleep 100\r");
    await().until(() -> delays.size() == 2);
    shell.input("\u0003");
    await().until(() -> tty.output().endsWith("^C\r\n# "));
    assertThat(tty.output()).isEqualTo("sleep 100\r\n^C\r\n# ");
  }

  @Test
  @DisplayName("a single command runs and the session ends; exit N ends it too")
  void singleCommand() {
    shell.start("echo hello world");
    await().until(tty::hungUp);
    assertThat(tty.takeOutput()).isEqualTo("hello world\r\n");
  }

  @Test
  @DisplayName(
      "an unknown program fails like ACI's exec does; unknown commands in sh print 'not found'")
  void unknownCommands() {
    shell.start("nginx");
    assertThat(tty.takeOutput()).contains("exec: \"nginx\": executable file not found in $PATH");
    assertThat(tty.hungUp()).isTrue();

    TestingTty other = new TestingTty();
    ExecShell sh = new ExecShell(other, "h", Map.of(), duration -> {});
    sh.start("sh");
    sh.input("nginx\r");
    await().until(() -> other.output().endsWith("sh: nginx: not found\r\n# "));
    sh.stop();
  }

  @Test
  @DisplayName("backspace edits the line before it runs")
  void backspace() {
    shell.start("sh");
    expectOutput("# ");
    shell.input("echo hix\u007f\r");
    await().until(() -> tty.output().endsWith("\r\nhi\r\n# "));
  }
}
