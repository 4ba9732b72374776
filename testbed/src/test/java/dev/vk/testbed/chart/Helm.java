package dev.vk.testbed.chart;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs helm (built by {@code testbed/tools/helm.sh}) with its own config, cache and data
 * directories, so a test never reads or writes the user's ~/.config/helm or repositories. Output
 * goes to files, never inherited: raw child output would corrupt the failsafe fork channel.
 */
final class Helm {
  /** What one command produced. */
  record Result(List<String> command, int exitCode, String stdout, String stderr) {
    boolean ok() {
      return exitCode == 0;
    }

    Result orThrow() {
      if (!ok()) {
        throw new IllegalStateException(this.toString());
      }
      return this;
    }

    @Override
    public String toString() {
      return String.join(" ", command)
          + " -> exit "
          + exitCode
          + (stdout.isEmpty() ? "" : "\nstdout: " + stdout.strip())
          + (stderr.isEmpty() ? "" : "\nstderr: " + stderr.strip());
    }
  }

  private static final List<String> PROXY_VARIABLES =
      List.of(
          "HTTPS_PROXY",
          "https_proxy",
          "HTTP_PROXY",
          "http_proxy",
          "ALL_PROXY",
          "all_proxy",
          "NO_PROXY",
          "no_proxy");

  private final Path binary;
  private final Path home;

  private Helm(Path binary, Path home) {
    this.binary = binary;
    this.home = home;
  }

  /**
   * Builds helm with {@code testbed/tools/helm.sh} if it is not cached yet (the first time takes
   * about a minute and a half on 2 cores), echoing the script's progress.
   *
   * @param home where helm keeps its config, cache and data during the tests
   */
  static Helm build(Path repoRoot, Path home) {
    Result r =
        run(
            List.of("bash", repoRoot.resolve("testbed/tools/helm.sh").toString()),
            Map.of(),
            null,
            Duration.ofMinutes(30));
    r.stderr().lines().forEach(System.out::println);
    r.orThrow();
    List<String> lines = r.stdout().lines().toList();
    Path binary = Path.of(lines.get(lines.size() - 1).strip());
    if (!Files.isExecutable(binary)) {
      throw new IllegalStateException("helm.sh printed no executable: " + r);
    }
    return new Helm(binary, home);
  }

  Path binary() {
    return binary;
  }

  Result run(String... args) {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.addAll(List.of(args));
    return run(
        command,
        Map.of(
            "HELM_CONFIG_HOME", home.resolve("config").toString(),
            "HELM_CACHE_HOME", home.resolve("cache").toString(),
            "HELM_DATA_HOME", home.resolve("data").toString()),
        null,
        Duration.ofMinutes(3));
  }

  private static Result run(
      List<String> command, Map<String, String> env, String stdin, Duration timeout) {
    Path out = null;
    Path err = null;
    Path in = null;
    try {
      out = Files.createTempFile("helm", ".out");
      err = Files.createTempFile("helm", ".err");
      ProcessBuilder pb =
          new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
      if (stdin != null) {
        in = Files.createTempFile("helm", ".in");
        Files.writeString(in, stdin);
        pb.redirectInput(in.toFile());
      } else {
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      }
      // The testbed apiserver is on a private address that no proxy reaches.
      PROXY_VARIABLES.forEach(pb.environment()::remove);
      pb.environment().remove("KUBECONFIG");
      pb.environment().putAll(env);
      Process p = pb.start();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(
            String.join(" ", command) + " did not finish within " + timeout);
      }
      return new Result(command, p.exitValue(), Files.readString(out), Files.readString(err));
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
