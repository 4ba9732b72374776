package dev.vk.provider.mock.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ShellTimelineTest {

  private static ShellTimeline run(String script) {
    return ShellTimeline.run(List.of("sh", "-c", script), Map.of("NAME", "world"));
  }

  private static String text(ShellTimeline timeline) {
    StringBuilder all = new StringBuilder();
    timeline.output().forEach(output -> all.append(output.text()));
    return all.toString();
  }

  @Test
  @DisplayName("sh -c runs a script with &&, || and $? and exits with its status")
  void script() {
    ShellTimeline timeline = run("echo \"hello $NAME\"; false || echo $?; true && exit 3; echo no");

    assertThat(text(timeline)).isEqualTo("hello world\n1\n");
    assertThat(timeline.status()).isEqualTo(3);
    assertThat(timeline.runTime()).isZero();
  }

  @Test
  @DisplayName("sleep takes no time but moves the output after it, and the end, later")
  void sleep() {
    ShellTimeline timeline = run("echo start; sleep 2; echo done; sleep 0.5");

    assertThat(timeline.output())
        .containsExactly(
            new ShellTimeline.Output(Duration.ZERO, "start\n"),
            new ShellTimeline.Output(Duration.ofSeconds(2), "done\n"));
    assertThat(timeline.runTime()).isEqualTo(Duration.ofMillis(2500));
    assertThat(timeline.status()).isZero();
  }

  @Test
  @DisplayName("an unknown command is not found (127); single quotes stop expansion")
  void notFound() {
    ShellTimeline timeline = run("echo '$NAME'; kubectl");

    assertThat(text(timeline)).isEqualTo("$NAME\nsh: kubectl: not found\n");
    assertThat(timeline.status()).isEqualTo(127);
  }

  @Test
  @DisplayName("a nested sh -c exit ends only the nested shell")
  void nestedExit() {
    ShellTimeline timeline = run("sh -c 'exit 5'; echo $?");

    assertThat(text(timeline)).isEqualTo("5\n");
    assertThat(timeline.status()).isZero();
  }
}
