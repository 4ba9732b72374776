package dev.vk.testbed.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The kube-apiserver that up.sh started, stopped and started again with the same flags: an API
 * server outage while etcd keeps the state. Its pid stays in {@code pids/kube-apiserver.pid}, so
 * down.sh still stops it.
 */
final class ApiServerProcess {
  private static final String NAME = "kube-apiserver";

  private final ControlPlane cp;
  private List<String> argv;

  ApiServerProcess(ControlPlane cp) {
    this.cp = cp;
  }

  /** Stops it and remembers its command line; blocks until it is gone. */
  void stop() {
    long pid = pid();
    ProcessHandle process =
        ProcessHandle.of(pid)
            .orElseThrow(() -> new IllegalStateException(NAME + " is not running"));
    argv = commandLine(pid);
    process.destroy();
    try {
      process.onExit().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
      process.onExit().join();
    }
  }

  /** Starts it again, in the namespace and session of its own as up.sh does; does not wait. */
  void start() {
    if (argv == null) {
      throw new IllegalStateException(NAME + " was not stopped by this test");
    }
    List<String> command = new ArrayList<>(List.of("setsid", "ip", "netns", "exec", cp.netns()));
    command.addAll(argv);
    ProcessBuilder pb = new ProcessBuilder(command);
    ControlPlane.PROXY_VARIABLES.forEach(pb.environment()::remove);
    Path log = cp.logDir().resolve(NAME + ".log");
    pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    try {
      Process p = pb.start();
      Files.writeString(cp.pidDir().resolve(NAME + ".pid"), p.pid() + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + NAME, e);
    }
  }

  private long pid() {
    try {
      return Long.parseLong(Files.readString(cp.pidDir().resolve(NAME + ".pid")).trim());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The process's argv from /proc: the binary and its flags, as up.sh wrote them. */
  private static List<String> commandLine(long pid) {
    try {
      byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
      List<String> args =
          new ArrayList<>(Arrays.asList(new String(raw, StandardCharsets.UTF_8).split("\0")));
      Optional<String> binary = args.stream().filter(a -> a.endsWith("/" + NAME)).findFirst();
      if (binary.isEmpty()) {
        throw new IllegalStateException("pid " + pid + " is not " + NAME + ": " + args);
      }
      return args.subList(args.indexOf(binary.get()), args.size());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
