package dev.vk.benchmarks.node;

import dev.vk.testbed.cluster.ControlPlane;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches the benchmark's pods with {@code kubectl get -w} and records, client side, when each pod
 * was first seen bound to a node and first seen Running, and when each was deleted.
 */
final class PodWatch implements AutoCloseable {
  private final List<String> cmd;
  private volatile Process kubectl;
  private volatile boolean closed;
  private volatile boolean restarted;
  private final Map<String, Long> bound = new ConcurrentHashMap<>();
  private final Map<String, Long> running = new ConcurrentHashMap<>();
  private final Map<String, Long> deleted = new ConcurrentHashMap<>();
  private final Thread reader;

  PodWatch(ControlPlane cluster, String namespace, String selector) {
    cmd =
        List.of(
            ControlPlane.kubectlBinary(),
            "--kubeconfig=" + cluster.kubeconfig(),
            "-n",
            namespace,
            "get",
            "pods",
            "-l",
            selector,
            "-w",
            "--output-watch-events",
            "-o",
            "jsonpath={.type} {.object.metadata.name} {.object.spec.nodeName}"
                + " {.object.status.phase}{\"\\n\"}");
    kubectl = start();
    reader = new Thread(this::read, "pod-watch");
    reader.setDaemon(true);
    reader.start();
  }

  private Process start() {
    try {
      return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads kubectl's events; a watch the API server or kubectl ends is started again (its relist
   * reports what changed in between, seen at the relist).
   */
  private void read() {
    while (!closed) {
      readUntilEnd();
      if (!closed) {
        System.err.println("bench: pod watch ended, watching again");
        restarted = true;
        kubectl = start();
      }
    }
  }

  private void readUntilEnd() {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(kubectl.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        long now = System.nanoTime();
        String[] f = line.strip().split(" ");
        if (f.length < 2) {
          continue;
        }
        String name = f[1];
        if (f[0].equals("DELETED")) {
          deleted.putIfAbsent(name, now);
          continue;
        }
        // With no nodeName yet the fields shift left: "ADDED name Pending".
        if (f.length >= 4 && !f[2].isEmpty()) {
          bound.putIfAbsent(name, now);
          if (f[3].equals("Running")) {
            running.putIfAbsent(name, now);
          }
        }
      }
    } catch (IOException ended) {
      // kubectl was stopped
    }
  }

  /**
   * Whether kubectl was started again: its relist of pods that exist is not read (kubectl's
   * jsonpath output of a watch's initial list is the list, not one event a pod), so changes while
   * it was down are missing.
   */
  boolean restarted() {
    return restarted;
  }

  int runningCount() {
    return running.size();
  }

  int deletedCount() {
    return deleted.size();
  }

  /** Latest time a pod was first seen bound (nanoTime), or 0 when none. */
  long lastBind() {
    return bound.values().stream().mapToLong(Long::longValue).max().orElse(0);
  }

  long lastRunning() {
    return running.values().stream().mapToLong(Long::longValue).max().orElse(0);
  }

  long lastDeleted() {
    return deleted.values().stream().mapToLong(Long::longValue).max().orElse(0);
  }

  /** Per pod, seconds from first seen bound to first seen Running, sorted. */
  List<Double> bindToRunning() {
    List<Double> out = new ArrayList<>();
    running.forEach(
        (name, t) -> {
          Long b = bound.get(name);
          if (b != null) {
            out.add((t - b) / 1e9);
          }
        });
    Collections.sort(out);
    return out;
  }

  @Override
  public void close() {
    closed = true;
    kubectl.destroy();
  }
}
