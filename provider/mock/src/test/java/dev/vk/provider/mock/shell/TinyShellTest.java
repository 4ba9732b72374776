package dev.vk.provider.mock.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each command as {@code kubectl exec pod -- argv} runs it, without a terminal. */
class TinyShellTest {

  static Stream<Arguments> commands() {
    return Stream.of(
        // argv, stdin, status, stdout, stderr
        row(List.of("echo", "a", "b c"), null, 0, "a b c\n", ""),
        row(List.of("/bin/echo", "-n", "x"), null, 0, "x", ""),
        row(List.of("echo"), null, 0, "\n", ""),
        row(List.of("cat"), "one\ntwo", 0, "one\ntwo", ""),
        row(List.of("cat"), null, 0, "", ""),
        row(List.of("cat", "/etc/passwd"), null, 1, "", "cat: can't open '/etc/passwd'"),
        row(List.of("exit", "3"), null, 3, "", ""),
        row(List.of("exit", "300"), null, 44, "", ""),
        row(List.of("true"), null, 0, "", ""),
        row(List.of("false"), null, 1, "", ""),
        row(List.of("seq", "3"), null, 0, "1\n2\n3\n", ""),
        row(List.of("seq", "2", "4"), null, 0, "2\n3\n4\n", ""),
        row(List.of("seq", "x"), null, 1, "", "seq: invalid number 'x'"),
        row(List.of("head", "-c", "3", "/dev/zero"), null, 0, "\0\0\0", ""),
        row(List.of("head", "-c", "2"), "abc", 0, "ab", ""),
        row(List.of("head", "-c", "2", "/x"), null, 1, "", "head: /x: No such file"),
        row(List.of("hostname"), null, 0, "web-1\n", ""),
        row(List.of("printenv", "GREETING"), null, 0, "hello there\n", ""),
        row(List.of("printenv", "NOPE"), null, 1, "", ""),
        row(List.of("stty", "size"), null, 1, "", "stty: standard input: Not a tty"),
        row(List.of("ls"), null, 0, "bin\ndev\netc\n", ""),
        row(List.of("ls", "/nope"), null, 2, "", "ls: /nope: No such file or directory"),
        row(List.of("pwd"), null, 0, "/\n", ""),
        row(List.of("sleep", "x"), null, 1, "", "sleep: invalid number 'x'"),
        row(List.of("curl", "x"), null, 127, "", "sh: curl: not found\n"),
        row(List.of("sh", "-c", "exit 3"), null, 3, "", ""),
        row(List.of("sh", "-c", "echo a; false; echo b"), null, 0, "a\nb\n", ""),
        row(List.of("sh", "-c", "false && echo no || echo yes"), null, 0, "yes\n", ""),
        row(List.of("sh", "-c", "echo a\nexit 4\necho b"), null, 4, "a\n", ""),
        row(List.of("sh", "-c", "false; echo $?"), null, 0, "1\n", ""),
        row(
            List.of("sh", "-c", "echo \"$HOSTNAME\" '$HOSTNAME'"),
            null,
            0,
            "web-1 $HOSTNAME\n",
            ""),
        row(List.of("/bin/sh", "-c", "sh -c 'exit 5'; echo $?"), null, 0, "5\n", ""),
        row(List.of("bash", "-c", "nope"), null, 127, "", "sh: nope: not found"),
        row(List.of("sh", "-c"), null, 2, "", "sh: -c requires an argument"),
        row(List.of("sh", "script.sh"), null, 2, "", "sh: 0: cannot open script.sh"),
        row(List.of("sh", "-c", "cat; echo done"), "in\n", 0, "in\ndone\n", ""));
  }

  @ParameterizedTest(name = "{0} <<< {1}")
  @MethodSource
  void commands(List<String> argv, String stdin, int status, String out, String err)
      throws IOException {
    ShellRun run = ShellRun.run(stdin, argv);

    assertThat(run.status()).as("status").isEqualTo(status);
    assertThat(run.out()).as("stdout").startsWith(out);
    assertThat(run.err()).as("stderr").startsWith(err);
    if (err.isEmpty()) {
      assertThat(run.err()).as("stderr").isEmpty();
    }
  }

  @Test
  @DisplayName("env prints the environment in order, one NAME=value a line")
  void env() throws IOException {
    ShellRun run = ShellRun.run(null, List.of("env"));

    assertThat(run.out().lines())
        .containsExactlyInAnyOrder("HOSTNAME=web-1", "GREETING=hello there");
  }

  @Test
  @DisplayName("sleep waits for its (fractional) number of seconds")
  void sleep() throws IOException {
    ShellRun run = ShellRun.run(null, List.of("sh", "-c", "sleep 1.5; sleep 2"));

    assertThat(run.status()).isZero();
    assertThat(run.slept()).containsExactly(Duration.ofMillis(1500), Duration.ofSeconds(2));
  }

  @Test
  @DisplayName("an interrupted sleep stops the whole shell with status 130")
  void interruptedSleep() throws IOException {
    TinyShell shell =
        TinyShell.builder()
            .sleeper(
                duration -> {
                  throw new InterruptedException();
                })
            .build();

    int status = shell.run(List.of("sh", "-c", "sleep 9; echo after"));

    assertThat(status).isEqualTo(130);
    assertThat(Thread.interrupted()).as("interrupt kept for the caller").isTrue();
  }

  @Test
  @DisplayName("head -c 20 MiB /dev/zero writes exactly that many zero bytes, in large chunks")
  void headOfZeros() throws IOException {
    CountingStream out = new CountingStream();
    TinyShell shell = TinyShell.builder().stdout(out).build();

    int status = shell.run(List.of("head", "-c", String.valueOf(20 * 1024 * 1024), "/dev/zero"));

    assertThat(status).isZero();
    assertThat(out.bytes).isEqualTo(20L * 1024 * 1024);
    assertThat(out.nonZero).isFalse();
    assertThat(out.writes).isLessThanOrEqualTo(20 * 16 + 1);
  }

  @Test
  @DisplayName("seq of many numbers is written in large chunks, not a write a line")
  void longSequence() throws IOException {
    CountingStream out = new CountingStream();

    TinyShell.builder().stdout(out).build().run(List.of("seq", "100000"));

    assertThat(out.writes).isLessThan(20);
    assertThat(out.bytes).isEqualTo(588_895L); // digits of 1..100000 plus newlines
  }

  private static Arguments row(List<String> argv, String in, int status, String out, String err) {
    return Arguments.of(argv, in, status, out, err);
  }

  /** Counts what is written without keeping it. */
  private static final class CountingStream extends OutputStream {
    long bytes;
    int writes;
    boolean nonZero;

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] data, int offset, int length) {
      writes++;
      bytes += length;
      for (int i = offset; i < offset + length && !nonZero; i++) {
        nonZero = data[i] != 0;
      }
    }
  }
}
