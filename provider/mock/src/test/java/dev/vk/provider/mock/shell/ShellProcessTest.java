package dev.vk.provider.mock.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ShellProcessTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final List<Duration> slept = new CopyOnWriteArrayList<>();
  private final AtomicInteger status = new AtomicInteger(-1);

  /** Sleeps until interrupted, so only Ctrl-C or a kill ends a sleep. */
  private final ShellProcess process =
      new ShellProcess(
          TinyShell.builder()
              .env(Map.of("HOSTNAME", "web-1"))
              .hostname("box")
              .stdout(synchronizedOut())
              .tty(true)
              .sleeper(
                  duration -> {
                    slept.add(duration);
                    new CountDownLatch(1).await();
                  }));

  private OutputStream synchronizedOut() {
    return new OutputStream() {
      @Override
      public void write(int b) {
        synchronized (out) {
          out.write(b);
        }
      }

      @Override
      public void write(byte[] bytes, int offset, int length) {
        synchronized (out) {
          out.write(bytes, offset, length);
        }
      }
    };
  }

  private String output() {
    synchronized (out) {
      return out.toString(StandardCharsets.UTF_8);
    }
  }

  private void type(String keys) {
    process.type(keys.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("an interactive shell on its own thread runs typed lines until exit N")
  void interactive() {
    process.start("shell", List.of("sh"), status::set);
    type("hostname\r");
    type("exit 4\r");

    await().until(() -> status.get() >= 0);
    assertThat(status.get()).isEqualTo(4);
    assertThat(output()).isEqualTo("# hostname\r\nbox\r\n# exit 4\r\n");
  }

  @Test
  @DisplayName("Ctrl-C cuts a sleep short with 130, drops the rest of the line and prompts again")
  void interruptSleep() {
    process.start("shell", List.of("sh"), status::set);
    type("sleep 100; echo no\r");
    await().until(() -> !slept.isEmpty());
    type("\u0003");
    await().until(() -> output().endsWith("^C\r\n# "));
    type("echo $?\r");
    type("\u0004");

    await().until(() -> status.get() >= 0);
    assertThat(output()).isEqualTo("# sleep 100; echo no\r\n^C\r\n# echo $?\r\n130\r\n# ");
    assertThat(status.get()).isZero();
    assertThat(slept).containsExactly(Duration.ofSeconds(100));
  }

  @Test
  @DisplayName("Ctrl-C at the prompt is the terminal's: it drops the line being typed")
  void interruptAtPrompt() {
    process.start("shell", List.of("sh"), status::set);
    type("echo no\u0003echo yes\r\u0004");

    await().until(() -> status.get() >= 0);
    assertThat(output()).isEqualTo("# echo no^C\r\necho yes\r\nyes\r\n# ");
  }

  @Test
  @DisplayName("kill ends a sleeping shell without reporting an exit; stdin's end ends cat")
  void killAndEndOfInput() throws InterruptedException {
    process.start("shell", List.of("sleep", "5"), status::set);
    await().until(() -> !slept.isEmpty());
    process.kill();

    ShellProcess cat = new ShellProcess(TinyShell.builder());
    AtomicInteger catStatus = new AtomicInteger(-1);
    cat.start("cat", List.of("cat"), catStatus::set);
    cat.endOfInput();
    await().until(() -> catStatus.get() >= 0);
    assertThat(catStatus.get()).isZero();
    assertThat(status.get()).isEqualTo(-1);
  }

  @Test
  @DisplayName("knows the commands TinyShell runs, by name or path, and nothing else")
  void knows() {
    assertThat(TinyShell.knows("/bin/sh")).isTrue();
    assertThat(TinyShell.knows("echo")).isTrue();
    assertThat(TinyShell.knows("nginx")).isFalse();
  }
}
