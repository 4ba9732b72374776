package dev.vk.testbed.node;

import dev.vk.testbed.cluster.ControlPlane;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real node jar running as its own process, as a user runs it, so a test can kill it without
 * warning and start it again on the same provider state.
 */
public final class NodeProcess implements AutoCloseable {
  /** Health ports sit this far above the kubelet port, so tests' nodes never share one. */
  public static final int HEALTH_PORT_OFFSET = 10000;

  private final List<String> command;
  private final Path workDir;
  private final String healthBase;
  private final Path runDir;
  private Process process;

  private NodeProcess(List<String> command, Path workDir, Path runDir, String healthBase) {
    this.command = command;
    this.workDir = workDir;
    this.runDir = runDir;
    this.healthBase = healthBase;
  }

  /**
   * Starts a node named {@code nodeName}; with the mock provider (the default) its provider state
   * lives in {@code workDir/mock-state.json}.
   *
   * @param settings extra settings as flag name to value (without the leading dashes)
   */
  public static NodeProcess start(
      ControlPlane cluster, String nodeName, int kubeletPort, Map<String, String> settings) {
    return start(cluster, nodeName, 0, kubeletPort, settings);
  }

  /**
   * Starts replica {@code replica} of node {@code nodeName} (for leader election): every replica of
   * a node shares its provider state file (the one "cloud"), each keeps its own log in {@code
   * replica-<n>/node.log}. Replica 0 starts on an empty cloud; the others join the state there is.
   */
  public static NodeProcess start(
      ControlPlane cluster,
      String nodeName,
      int replica,
      int kubeletPort,
      Map<String, String> settings) {
    Path workDir = cluster.stateDir().resolve("nodes-run").resolve(nodeName);
    Path runDir = replica == 0 ? workDir : workDir.resolve("replica-" + replica);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-jar");
    command.add(jar().toString());
    // A test may point the node elsewhere (an ApiProxy in front of the API server).
    if (!settings.containsKey("kubeconfig")) {
      add(command, "kubeconfig", NodeIdentity.kubeconfig(cluster, nodeName).toString());
    }
    add(command, "node-name", nodeName);
    add(command, "internal-ip", cluster.nodeAddress());
    add(command, "kubelet-port", Integer.toString(kubeletPort));
    // Its own veth address, not 0.0.0.0: clusters side by side reuse the same port numbers.
    if (!settings.containsKey("kubelet-address")) {
      add(command, "kubelet-address", cluster.nodeAddress());
    }
    if (settings.getOrDefault("provider", "mock").equals("mock")) {
      add(command, "mock-state-file", workDir.resolve("mock-state.json").toString());
    }
    if (!settings.containsKey("health-address")) {
      add(command, "health-address", cluster.nodeAddress());
    }
    String healthPort =
        settings.getOrDefault("health-port", Integer.toString(kubeletPort + HEALTH_PORT_OFFSET));
    if (!settings.containsKey("health-port")) {
      add(command, "health-port", healthPort);
    }
    add(command, "reconcile-interval", "5s");
    // The API server's kubelet client certificate is signed by the testbed CA.
    add(
        command,
        "client-ca-file",
        cluster.stateDir().resolve("pki/kubelet-client-ca.crt").toString());
    settings.forEach((k, v) -> add(command, k, v));
    NodeProcess node =
        new NodeProcess(
            command,
            workDir,
            runDir,
            "http://"
                + settings.getOrDefault("health-address", cluster.nodeAddress())
                + ":"
                + healthPort);
    node.forgetEarlierRuns(replica == 0);
    node.launch();
    return node;
  }

  /** The shaded jar the build produced: what users run. */
  public static Path jar() {
    Path jar = ControlPlane.repoRoot().resolve("provider/node/target/virtual-kubelet.jar");
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar + " is missing: build provider/node first (mvn package)");
    }
    return jar;
  }

  private static void add(List<String> command, String name, String value) {
    command.add("--" + name);
    command.add(value);
  }

  /** A new node starts with an empty cloud; only {@link #restart()} keeps the provider state. */
  private void forgetEarlierRuns(boolean cloudToo) {
    try {
      if (cloudToo) {
        Files.deleteIfExists(stateFile());
      }
      Files.deleteIfExists(log());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void launch() {
    try {
      Files.createDirectories(runDir);
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Kills the process at once (SIGKILL): no shutdown hook, no cleanup, like a crashed node. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Starts the same command again, on the same provider state. */
  public void restart() {
    if (process.isAlive()) {
      kill();
    }
    launch();
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** {@code http://<address>:<health-port>} of the node's health server. */
  public String healthUrl(String path) {
    return healthBase + path;
  }

  public Path stateFile() {
    return workDir.resolve("mock-state.json");
  }

  public Path log() {
    return runDir.resolve("node.log");
  }

  /** The last lines of the node's log, for assertion messages. */
  public String logTail() {
    try {
      List<String> lines = Files.readAllLines(log());
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        kill();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill();
    }
  }
}
