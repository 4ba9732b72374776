package dev.vk.provider.mock.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code sh} with no script reads commands from stdin, with or without a terminal. */
class InteractiveShellTest {

  @Test
  @DisplayName("without a TTY: no prompt, runs each line, ends at EOF with the last status")
  void linesFromStdin() throws IOException {
    ShellRun run = ShellRun.run("echo a\nsh -c 'exit 2'\necho $?; false\n", List.of("sh"));

    assertThat(run.out()).isEqualTo("a\n2\n");
    assertThat(run.status()).isEqualTo(1);
  }

  @Test
  @DisplayName("exit N ends the session early with N")
  void exitEnds() throws IOException {
    ShellRun run = ShellRun.run("echo a\nexit 7\necho b\n", List.of("/bin/sh"));

    assertThat(run.out()).isEqualTo("a\n");
    assertThat(run.status()).isEqualTo(7);
  }

  @Test
  @DisplayName("cat inside the session reads the lines that follow it, not the ones before")
  void catSharesStdin() throws IOException {
    ShellRun run = ShellRun.run("echo start\ncat\nfrom cat\n", List.of("bash"));

    assertThat(run.out()).isEqualTo("start\nfrom cat\n");
  }

  @Test
  @DisplayName("with a TTY: prompt, echo of what is typed, Enter as \\r, \\r\\n line ends")
  void terminal() throws IOException {
    ShellRun run = ShellRun.run("echo hi\rexit 3\r", true, List.of("sh"));

    assertThat(run.out()).isEqualTo("# echo hi\r\nhi\r\n# exit 3\r\n");
    assertThat(run.status()).isEqualTo(3);
  }

  @Test
  @DisplayName("with a TTY: backspace edits, Ctrl-C drops the line, Ctrl-D on an empty line ends")
  void lineEditing() throws IOException {
    ShellRun run = ShellRun.run("echoo\u007f x\rfalse\u0003true\r\u0004", true, List.of("sh"));

    assertThat(run.out()).startsWith("# echoo\b \b x\r\nx\r\n# false^C\r\ntrue\r\n# ");
    assertThat(run.status()).isZero();
  }

  @Test
  @DisplayName("with a TTY: errors reach the terminal, since a terminal has one output")
  void errorsOnTerminal() throws IOException {
    ShellRun run = ShellRun.run(null, true, List.of("nope"));

    assertThat(run.out()).isEqualTo("sh: nope: not found\r\n");
    assertThat(run.status()).isEqualTo(127);
  }

  @Test
  @DisplayName("stty size prints the latest size, also after a resize during the session")
  void sttySize() throws Exception {
    PipedOutputStream keyboard = new PipedOutputStream();
    PipedInputStream stdin = new PipedInputStream(keyboard);
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    TinyShell shell = TinyShell.builder().stdin(stdin).stdout(screen).tty(true).build();
    shell.resize(100, 30);
    CompletableFuture<Integer> status =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return shell.run(List.of("sh"));
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            });

    type(keyboard, "stty size\r");
    await().until(() -> screen.toString(StandardCharsets.UTF_8).contains("30 100\r\n# "));
    shell.resize(132, 50);
    type(keyboard, "stty size\r");
    keyboard.close();

    assertThat(status.get(10, TimeUnit.SECONDS)).isZero();
    assertThat(screen.toString(StandardCharsets.UTF_8))
        .isEqualTo("# stty size\r\n30 100\r\n# stty size\r\n50 132\r\n# ");
  }

  private static void type(PipedOutputStream keyboard, String keys) throws IOException {
    keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
    keyboard.flush();
  }
}
