package dev.vk.testbed.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command to completion with files for its streams, so large outputs cannot block it. */
public final class Commands {
  private Commands() {}

  /**
   * @param env extra environment variables
   * @param stdin input, or null for none
   * @throws IllegalStateException when the command does not finish within {@code timeout}
   */
  public static CommandResult run(
      List<String> command, Map<String, String> env, String stdin, Duration timeout) {
    Path out = null;
    Path err = null;
    Path in = null;
    try {
      out = Files.createTempFile("kubectl", ".out");
      err = Files.createTempFile("kubectl", ".err");
      ProcessBuilder pb =
          new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
      if (stdin != null) {
        in = Files.createTempFile("kubectl", ".in");
        Files.writeString(in, stdin);
        pb.redirectInput(in.toFile());
      } else {
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      }
      // The testbed's private addresses are reached directly, never through a proxy.
      ControlPlane.PROXY_VARIABLES.forEach(pb.environment()::remove);
      pb.environment().remove("KUBECONFIG");
      pb.environment().putAll(env);
      Process p = pb.start();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(
            String.join(" ", command) + " did not finish within " + timeout);
      }
      return new CommandResult(
          command, p.exitValue(), Files.readString(out), Files.readString(err));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
    } finally {
      for (Path f : new Path[] {out, err, in}) {
        if (f != null) {
          try {
            Files.deleteIfExists(f);
          } catch (IOException ignored) {
            // a temp file
          }
        }
      }
    }
  }
}
