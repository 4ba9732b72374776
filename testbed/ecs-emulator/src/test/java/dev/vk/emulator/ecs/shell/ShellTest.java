package dev.vk.emulator.ecs.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.emulator.ecs.time.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ShellTest {
  private final VirtualScheduler time = new VirtualScheduler(Instant.EPOCH);
  private final StringBuilder out = new StringBuilder();
  private Integer status;
  private final Shell shell =
      new Shell(
          new Shell.Output() {
            @Override
            public void stdout(String text) {
              out.append(text);
            }

            @Override
            public void stderr(String text) {
              out.append("ERR:").append(text);
            }
          },
          time,
          Map.of("NAME", "world"),
          code -> status = code);

  @Test
  @DisplayName("sh -c runs a script with &&, || and $? and exits with its status")
  void script() {
    shell.start(
        List.of("sh", "-c", "echo \"hello $NAME\"; false || echo $?; true && exit 3; echo no"));

    assertThat(out.toString()).isEqualTo("hello world\n1\n");
    assertThat(status).isEqualTo(3);
  }

  @Test
  @DisplayName("sleep waits on the scheduler's clock")
  void sleep() {
    shell.start(List.of("sh", "-c", "sleep 2; echo done"));
    time.advance(Duration.ofMillis(1999));
    assertThat(status).isNull();

    time.advance(Duration.ofMillis(1));

    assertThat(out.toString()).isEqualTo("done\n");
    assertThat(status).isZero();
  }

  @Test
  @DisplayName("an unknown command is not found (127); single quotes stop expansion")
  void notFound() {
    shell.start(List.of("sh", "-c", "echo '$NAME'; kubectl"));

    assertThat(out.toString()).isEqualTo("$NAME\nERR:sh: 1: kubectl: not found\n");
    assertThat(status).isEqualTo(127);
  }

  @Test
  @DisplayName("a nested sh -c exit ends only the nested shell")
  void nestedExit() {
    shell.start(List.of("sh", "-c", "sh -c 'exit 5'; echo $?"));

    assertThat(out.toString()).isEqualTo("5\n");
    assertThat(status).isZero();
  }
}
