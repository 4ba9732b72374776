package dev.vk.testbed.cluster;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Finds and runs the control plane scripts. Output is copied line by line, never inherited: raw
 * child output would corrupt the surefire/failsafe fork channel.
 */
final class Scripts {
  private Scripts() {}

  static Path dir() {
    String configured = System.getProperty("vk.testbed.controlplane");
    if (configured != null) {
      return Path.of(configured).toAbsolutePath();
    }
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      for (Path candidate : List.of(d.resolve("testbed/controlplane"), d.resolve("controlplane"))) {
        if (Files.isRegularFile(candidate.resolve("up.sh"))) {
          return candidate;
        }
      }
    }
    throw new IllegalStateException(
        "cannot find testbed/controlplane/up.sh above "
            + Path.of("").toAbsolutePath()
            + "; set -Dvk.testbed.controlplane=DIR");
  }

  /**
   * Runs a script of {@link #dir()}.
   *
   * @param echo copy its output (stdout and stderr) to System.out line by line; otherwise return
   *     its stdout lines
   */
  static List<String> run(String script, Duration timeout, boolean echo, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add("bash");
    command.add(dir().resolve(script).toString());
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(echo);
    ControlPlane.PROXY_VARIABLES.forEach(pb.environment()::remove);
    Deque<String> tail = new ArrayDeque<>();
    List<String> stdout = new ArrayList<>();
    Process p;
    try {
      p = pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    }
    Thread errDrain = echo ? null : drain(p, tail);
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                  if (echo) {
                    System.out.println(line);
                    System.out.flush();
                    remember(tail, line);
                  } else {
                    synchronized (stdout) {
                      stdout.add(line);
                    }
                  }
                }
              } catch (IOException e) {
                // the process ended
              }
            },
            "vk-testbed-" + script);
    reader.setDaemon(true);
    reader.start();
    try {
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        throw new IllegalStateException(script + " did not finish within " + timeout);
      }
      reader.join(5_000);
      if (errDrain != null) {
        errDrain.join(5_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IllegalStateException("interrupted while running " + script, e);
    }
    if (p.exitValue() != 0) {
      String lastLines;
      synchronized (tail) {
        lastLines = String.join("\n", tail);
      }
      throw new IllegalStateException(
          String.join(" ", command) + " failed with exit " + p.exitValue() + ":\n" + lastLines);
    }
    synchronized (stdout) {
      return List.copyOf(stdout);
    }
  }

  private static Thread drain(Process p, Deque<String> tail) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                  remember(tail, line);
                }
              } catch (IOException e) {
                // the process ended
              }
            },
            "vk-testbed-stderr");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static void remember(Deque<String> tail, String line) {
    synchronized (tail) {
      tail.addLast(line);
      if (tail.size() > 40) {
        tail.removeFirst();
      }
    }
  }
}
