package dev.vk.testbed.chart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command in an unpacked image root the way a container runtime would, with the tools of
 * util-linux instead of one: private mount and PID namespaces ({@code unshare}), the volumes bind
 * mounted at their paths inside the root, a fresh {@code /proc}, a {@code /dev} with only the usual
 * devices, the root itself read-only on request, then chroot, working directory and uid/gid ({@code
 * unshare --root --wd --setuid --setgid}). There is no network namespace: the process shares the
 * host's network, so it listens where the test tells it to. Needs root.
 */
final class ChrootContainer implements AutoCloseable {
  /** A bind mount: {@code source} on the host at {@code target}, an absolute path in the root. */
  record Mount(Path source, String target, boolean readOnly) {}

  /** Mounts, devices, read-only root, then exec; arguments: root, ro|rw, hostname, mounts, --. */
  private static final String SETUP =
      """
      set -eu
      root=$1; ro=$2; name=$3; shift 3
      echo "$name" > /proc/sys/kernel/hostname
      mount --bind "$root" "$root"
      while [ "$1" != -- ]; do
        mount --bind "$1" "$2"
        if [ "$3" = ro ]; then mount -o remount,bind,ro "$2"; fi
        shift 3
      done
      shift
      mount -t proc proc "$root/proc"
      mount -t tmpfs -o nosuid,mode=755 tmpfs "$root/dev"
      for d in null zero full random urandom tty; do
        : > "$root/dev/$d"; mount --bind "/dev/$d" "$root/dev/$d"
      done
      if [ "$ro" = ro ]; then mount -o remount,bind,ro "$root"; fi
      exec "$@"
      """;

  private final Process process;
  private final Path log;

  private ChrootContainer(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code command} (the first word looked up in the {@code PATH} of {@code env}, inside the
   * root) and returns at once; output goes to {@code log}. Creates missing mount points in {@code
   * rootfs}, as runtimes do.
   */
  static ChrootContainer start(
      Path rootfs,
      List<Mount> mounts,
      boolean readOnlyRoot,
      long uid,
      long gid,
      String workingDir,
      String hostname,
      Map<String, String> env,
      List<String> command,
      Path log) {
    List<String> args = new ArrayList<>();
    args.addAll(
        List.of(
            "/usr/bin/unshare",
            "--mount",
            "--uts",
            "--pid",
            "--fork",
            "--kill-child",
            "/bin/sh",
            "-c",
            SETUP,
            "setup",
            rootfs.toString(),
            readOnlyRoot ? "ro" : "rw",
            hostname));
    for (Mount m : mounts) {
      Path target = mountPoint(rootfs, m.target(), Files.isDirectory(m.source()));
      args.addAll(List.of(m.source().toString(), target.toString(), m.readOnly() ? "ro" : "rw"));
    }
    args.addAll(
        List.of(
            "--",
            "/usr/bin/unshare",
            "--root=" + rootfs,
            "--wd=" + workingDir,
            "--setuid",
            Long.toString(uid),
            "--setgid",
            Long.toString(gid),
            "--"));
    args.addAll(command);
    ProcessBuilder pb =
        new ProcessBuilder(args)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().clear();
    pb.environment().putAll(env);
    try {
      return new ChrootContainer(pb.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The host path of {@code path} inside {@code rootfs}, its symbolic links followed within the
   * root (an absolute link such as {@code /var/run -> /run} must not lead out of it); creates it as
   * a directory, or an empty file, when missing.
   */
  static Path mountPoint(Path rootfs, String path, boolean directory) {
    Deque<String> todo = new ArrayDeque<>(List.of(path.split("/")));
    Path current = rootfs;
    int links = 0;
    try {
      while (!todo.isEmpty()) {
        String name = todo.pop();
        if (name.isEmpty() || name.equals(".")) {
          continue;
        }
        if (name.equals("..")) {
          current = current.equals(rootfs) ? rootfs : current.getParent();
          continue;
        }
        Path next = current.resolve(name);
        if (Files.isSymbolicLink(next)) {
          if (++links > 40) {
            throw new IllegalStateException("too many symbolic links in " + path);
          }
          String link = Files.readSymbolicLink(next).toString();
          List<String> parts = List.of(link.split("/"));
          for (int i = parts.size() - 1; i >= 0; i--) {
            todo.push(parts.get(i));
          }
          if (link.startsWith("/")) {
            current = rootfs;
          }
          continue;
        }
        if (!Files.exists(next)) {
          if (todo.isEmpty() && !directory) {
            Files.createFile(next);
          } else {
            Files.createDirectory(next);
          }
        }
        current = next;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return current;
  }

  /** The process that runs the command, as the host sees it, once it has started. */
  Optional<ProcessHandle> command() {
    return process.children().findFirst();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** The last lines of the output, for assertion messages. */
  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** SIGTERM to the command, as a kubelet stops a container; SIGKILL after 20 s. Blocks. */
  @Override
  public void close() {
    command().ifPresent(ProcessHandle::destroy);
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly(); // --kill-child takes the command along
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
