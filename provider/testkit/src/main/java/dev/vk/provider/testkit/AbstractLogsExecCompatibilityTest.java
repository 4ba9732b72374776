package dev.vk.provider.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vk.kubelet.types.ContainerRef;
import dev.vk.kubelet.types.LogLine;
import dev.vk.kubelet.types.LogOptions;
import dev.vk.kubelet.types.TerminalSize;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What {@code kubectl logs}, {@code exec} and their options show, the same on every provider. A
 * provider's test extends this class and supplies the hooks of {@link LogsExecFixture}; where its
 * cloud cannot do something, {@link #execTraits()} says so and the test checks the alternative.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
public abstract class AbstractLogsExecCompatibilityTest extends LogsExecFixture {

  @Test
  @DisplayName("logs deliver no more lines than requested, and the rest on later requests")
  void logsHonourRequestN() throws Exception {
    ContainerRef ref = startLogging(3, false);
    List<LogLine> all = awaitLines(ref, 3);

    RecordingLogSubscriber log = subscribe(ref, LogOptions.DEFAULTS, 1);
    until("the first line", () -> log.lines().size() == 1);
    log.request(1);
    until("the second line", () -> log.lines().size() == 2);
    log.request(Long.MAX_VALUE);
    until("the end", log::ended);

    assertThat(log.overruns()).as("lines delivered beyond the demand").isZero();
    assertThat(log.texts()).startsWith(texts(all).toArray(String[]::new));
    assertThat(log.completed()).isTrue();
  }

  @Test
  @DisplayName("cancelling a follower stops the provider reading the log")
  void cancelReleasesTheFollower() throws Exception {
    ContainerRef ref = startLogging(2, false);
    awaitLines(ref, 2);
    RecordingLogSubscriber follow = subscribe(ref, LogOptions.DEFAULTS.following(), Long.MAX_VALUE);
    until("the follower's first line", () -> !follow.lines().isEmpty());

    follow.cancel();

    awaitLogReadingStopped();
    assertThat(follow.ended()).as("no signal after cancel").isFalse();
  }

  @Test
  @DisplayName("follow delivers every line and completes when the container ends")
  void followEndsWithTheContainer() throws Exception {
    ContainerRef ref = startLogging(3, true);

    RecordingLogSubscriber follow = subscribe(ref, LogOptions.DEFAULTS.following(), Long.MAX_VALUE);
    until("the follower to complete", follow::ended);

    assertThat(follow.error()).isNull();
    assertThat(follow.texts()).isEqualTo(texts(read(ref))).hasSizeGreaterThanOrEqualTo(3);
    awaitLogReadingStopped();
  }

  @Test
  @DisplayName("follow with tailLines 0 shows only the lines written from then on")
  void followNewLinesOnly() throws Exception {
    ContainerRef ref = startLogging(6, false);
    String first = texts(awaitLines(ref, 1)).get(0);

    RecordingLogSubscriber follow = subscribe(ref, LogOptions.NEW_LINES, Long.MAX_VALUE);
    until("a new line", () -> !follow.lines().isEmpty());
    follow.cancel();

    assertThat(follow.texts()).doesNotContain(first);
  }

  @Test
  @DisplayName("tailLines keeps the newest lines; 0 keeps none")
  void tailLines() throws Exception {
    ContainerRef ref = startLogging(3, false);
    List<String> all = texts(awaitLines(ref, 3));

    assertThat(texts(read(ref, LogOptions.DEFAULTS.tail(2))))
        .containsExactlyElementsOf(all.subList(all.size() - 2, all.size()));
    assertThat(read(ref, LogOptions.DEFAULTS.tail(0))).isEmpty();
  }

  @Test
  @DisplayName("sinceTime keeps lines at or after it; sinceSeconds counts back from now")
  void sinceTimeAndSinceSeconds() throws Exception {
    ContainerRef ref = startLogging(3, false);
    List<LogLine> all = awaitLines(ref, 3);

    assertThat(texts(read(ref, LogOptions.DEFAULTS.since(all.get(1).timestamp()))))
        .containsExactlyElementsOf(texts(all.subList(1, all.size())));
    assertThat(texts(read(ref, LogOptions.DEFAULTS.since(Duration.ofHours(1)))))
        .containsExactlyElementsOf(texts(all));
    until(
        "--since=1s to drop the older lines",
        () ->
            read(ref, LogOptions.DEFAULTS.since(Duration.ofSeconds(1))).size() < read(ref).size());
  }

  @Test
  @DisplayName(
      "each line has its own timestamp, in order, and timestamps=true leaves the text alone")
  void timestamps() throws Exception {
    ContainerRef ref = startLogging(3, false);
    List<LogLine> all = awaitLines(ref, 3);

    for (int i = 1; i < all.size(); i++) {
      assertThat(all.get(i).timestamp()).isAfterOrEqualTo(all.get(i - 1).timestamp());
    }
    assertThat(all.get(all.size() - 1).timestamp()).isBeforeOrEqualTo(now().plusSeconds(60));
    LogOptions withTimestamps =
        new LogOptions(
            LogOptions.DEFAULTS.tailLines(),
            LogOptions.DEFAULTS.limitBytes(),
            LogOptions.DEFAULTS.sinceSeconds(),
            LogOptions.DEFAULTS.sinceTime(),
            true,
            false,
            false);
    // The server writes the prefix; a provider that added one would print it twice.
    assertThat(texts(read(ref, withTimestamps))).startsWith(texts(all).toArray(String[]::new));
  }

  @Test
  @DisplayName("exec: what is typed on stdin reaches the command and its output comes back")
  void execStdin() throws Exception {
    ContainerRef ref = startLogging(1, false);
    TestStreams io = TestStreams.terminal("echo compat''-hello\nexit\n");

    executor()
        .exec(ref, shell(), io)
        .toCompletableFuture()
        .get(timeout().toSeconds(), TimeUnit.SECONDS);

    // Quotes are removed by the shell, so only its output, not the echo of the typing, matches.
    assertThat(io.out()).contains("compat-hello");
  }

  @Test
  @DisplayName("exec: the exit status, or 0 where the cloud reports none")
  void execExitCode() throws Exception {
    ContainerRef ref = startLogging(1, false);
    TestStreams io =
        execTraits().arguments() ? TestStreams.outputOnly() : TestStreams.terminal("exit 3\n");
    List<String> command = execTraits().arguments() ? List.of("sh", "-c", "exit 3") : shell();

    Integer code =
        executor()
            .exec(ref, command, io)
            .toCompletableFuture()
            .get(timeout().toSeconds(), TimeUnit.SECONDS);

    assertThat(code).isEqualTo(execTraits().exitCodes() ? 3 : 0);
  }

  @Test
  @DisplayName("exec: stderr reaches stderr, or arrives in stdout where the cloud merges them")
  void execStderr() throws Exception {
    ContainerRef ref = startLogging(1, false);
    // Quotes keep the echo of the typing on a terminal from matching what the shell prints.
    String script = "echo compat''-out; no-such''-command-compat";
    TestStreams io =
        execTraits().arguments()
            ? TestStreams.outputOnly()
            : TestStreams.terminal(script + "\nexit\n");
    List<String> command = execTraits().arguments() ? List.of("sh", "-c", script) : shell();

    executor()
        .exec(ref, command, io)
        .toCompletableFuture()
        .get(timeout().toSeconds(), TimeUnit.SECONDS);

    assertThat(io.out()).contains("compat-out");
    if (execTraits().separateStderr()) {
      assertThat(io.out()).doesNotContain("no-such-command-compat");
      assertThat(io.err()).contains("no-such-command-compat");
    } else {
      assertThat(io.out()).contains("no-such-command-compat");
      assertThat(io.err()).isEmpty();
    }
  }

  @Test
  @DisplayName("exec: a terminal resize reaches the command, or the starting size stays")
  void execResize() throws Exception {
    ContainerRef ref = startLogging(1, false);
    PipedOutputStream keyboard = new PipedOutputStream();
    TestStreams io = TestStreams.terminal(new PipedInputStream(keyboard), new TerminalSize(80, 24));
    var exec = executor().exec(ref, shell(), io).toCompletableFuture();

    io.resize(new TerminalSize(120, 40));
    type(keyboard, "stty size\n");
    String expected = execTraits().laterResizes() ? "40 120" : "24 80";
    until("stty to print " + expected, () -> io.out().contains(expected));
    type(keyboard, "exit\n");

    exec.get(timeout().toSeconds(), TimeUnit.SECONDS);
  }

  private static void type(PipedOutputStream keyboard, String text) throws Exception {
    keyboard.write(text.getBytes(StandardCharsets.UTF_8));
    keyboard.flush();
  }

  private static List<String> texts(List<LogLine> lines) {
    return lines.stream().map(RecordingLogSubscriber::text).toList();
  }
}
