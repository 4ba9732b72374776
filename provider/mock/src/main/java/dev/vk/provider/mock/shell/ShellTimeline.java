package dev.vk.provider.mock.shell;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A command line run at once, without stdin, with {@code sleep}s that take no time, recording when
 * each piece of output would have appeared and when the command would have ended: for simulated
 * containers whose time is virtual (a scheduler replays the timeline).
 *
 * @param output what the command wrote (stdout and stderr together), in order
 * @param runTime how long the command runs: the sum of its sleeps
 * @param status its exit status
 */
public record ShellTimeline(List<Output> output, Duration runTime, int status) {

  /**
   * Output written {@code at} after the start.
   *
   * @param at when, after the start
   * @param text what was written; lines end in {@code \n}
   */
  public record Output(Duration at, String text) {}

  public ShellTimeline {
    output = List.copyOf(output);
  }

  /** Runs {@code argv} in a {@link TinyShell} with environment {@code env}. */
  public static ShellTimeline run(List<String> argv, Map<String, String> env) {
    return run(argv, env, null);
  }

  /** Runs {@code argv} in a {@link TinyShell} with environment {@code env} and {@code files}. */
  public static ShellTimeline run(List<String> argv, Map<String, String> env, ShellFiles files) {
    List<Output> output = new ArrayList<>();
    Duration[] now = {Duration.ZERO};
    OutputStream recorder =
        new OutputStream() {
          @Override
          public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] bytes, int offset, int length) {
            String text = new String(bytes, offset, length, StandardCharsets.UTF_8);
            int last = output.size() - 1;
            if (last >= 0 && output.get(last).at().equals(now[0])) {
              output.set(last, new Output(now[0], output.get(last).text() + text));
            } else if (length > 0) {
              output.add(new Output(now[0], text));
            }
          }
        };
    TinyShell shell =
        TinyShell.builder()
            .env(env)
            .files(files)
            .stdout(recorder)
            .stderr(recorder)
            .sleeper(duration -> now[0] = now[0].plus(duration))
            .build();
    try {
      int status = shell.run(argv);
      return new ShellTimeline(output, now[0], status);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // the recorder does not fail
    }
  }
}
