package dev.vk.testbed.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A command left running while a test works, such as {@code kubectl logs -f} or {@code kubectl
 * port-forward}; its output goes to a file the test can read as it grows.
 */
public final class BackgroundCommand implements AutoCloseable {
  private final Process process;
  private final Path output;

  private BackgroundCommand(Process process, Path output) {
    this.process = process;
    this.output = output;
  }

  public static BackgroundCommand start(List<String> command) {
    try {
      Path output = Files.createTempFile("vk-bg-", ".out");
      ProcessBuilder pb =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
      ControlPlane.PROXY_VARIABLES.forEach(pb.environment()::remove);
      return new BackgroundCommand(pb.start(), output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Everything the command printed so far (stdout and stderr). */
  public String output() {
    try {
      return Files.readString(output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public boolean alive() {
    return process.isAlive();
  }

  public int exitCode() {
    return process.exitValue();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      Files.deleteIfExists(output);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
