package dev.vk.benchmarks.node;

import dev.vk.testbed.cluster.ControlPlane;
import dev.vk.testbed.cluster.NodeCredentials;
import dev.vk.testbed.node.NodeIdentity;
import dev.vk.testbed.node.NodeProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts the Java node (the shaded jar, the image's JVM options; mock or cloud provider) or the Go
 * reference node.
 */
final class NodeLauncher {
  /**
   * The chart's memory limit (charts/virtual-kubelet/values.yaml): the JVM sizes its heap by it.
   */
  static final long CONTAINER_MIB = 512;

  private NodeLauncher() {}

  /** A started node: its process, name and the kubeconfig it runs with. */
  /**
   * A launched node; {@code launchedNanos} is {@link System#nanoTime()} just before its process was
   * started (the JDK's process start instant counts from a boot time in whole seconds, so it can be
   * up to a second early).
   */
  record Started(Process process, long launchedNanos, String nodeName, Path kubeconfig, Path log) {}

  /** Starts the Java node with the mock provider. Blocks only to issue its identity. */
  static Started java(ControlPlane cluster, String nodeName, int port, Path workDir) {
    // No --mock-state-file: it rewrites every pod to disk on each provider call (O(N) per call,
    // there for restart tests), which the Go mock, kept in memory, does not pay either.
    // The Go mock reports a pod Running as soon as it is created; the Java mock's default start
    // delay (1 s Pending, ContainerCreating) would cost a status write per pod the Go one skips.
    // The capacity the Go node is given below: the default 110 pods would leave pods unschedulable.
    Map<String, String> mock = new LinkedHashMap<>();
    mock.put("mock-start-delay", "0s");
    mock.put("capacity-cpu", "1000");
    mock.put("capacity-memory", "4Ti");
    return java(cluster, nodeName, port, workDir, mock);
  }

  /**
   * Starts the Java node with {@code settings} (flag names without dashes, e.g. a cloud
   * provider's), room for 20000 pods. Blocks only to issue its identity.
   */
  static Started java(
      ControlPlane cluster, String nodeName, int port, Path workDir, Map<String, String> settings) {
    Path kubeconfig = NodeIdentity.kubeconfig(cluster, nodeName);
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions());
    // The image's native libraries where make build unpacks them (the image copies them to the
    // directory jvm.options names).
    cmd.add("-Djava.library.path=" + NodeProcess.jar().resolveSibling("native"));
    // The provider's class archive (the chart names it in JDK_JAVA_OPTIONS); VK_BENCH_JAVA_OPTS
    // after it can turn it off (-Xshare:off) or map the JDK's default archive instead.
    cmd.addAll(CdsArchive.jvmOptions(cdsDir(workDir), settings.getOrDefault("provider", "mock")));
    cmd.addAll(extraJvmOptions());
    cmd.addAll(List.of("-jar", NodeProcess.jar().toString()));
    cmd.addAll(List.of("--kubeconfig", kubeconfig.toString(), "--node-name", nodeName));
    cmd.addAll(List.of("--internal-ip", cluster.nodeAddress(), "--kubelet-port", "" + port));
    cmd.addAll(List.of("--kubelet-address", cluster.nodeAddress()));
    cmd.addAll(List.of("--health-address", cluster.nodeAddress()));
    cmd.addAll(List.of("--health-port", "" + (port + NodeProcess.HEALTH_PORT_OFFSET)));
    cmd.addAll(List.of("--capacity-pods", "20000"));
    settings.forEach((k, v) -> cmd.addAll(List.of("--" + k, v)));
    cmd.addAll(
        List.of(
            "--client-ca-file",
            cluster.stateDir().resolve("pki/kubelet-client-ca.crt").toString()));
    long launched = System.nanoTime();
    return new Started(
        launch(new ProcessBuilder(cmd), workDir),
        launched,
        nodeName,
        kubeconfig,
        workDir.resolve("node.log"));
  }

  /**
   * Starts the Go virtual-kubelet with the mock provider under the same kind of identity as the
   * Java node (the chart's ServiceAccount: a node identity may not set the labels the Go mock
   * sets), plus read access to the Secrets, ConfigMaps and Services it watches cluster-wide. Its
   * serving certificate is the testbed's for the node name.
   */
  static Started go(ControlPlane cluster, Path binary, String nodeName, int port, Path workDir) {
    NodeCredentials creds = cluster.nodeCredentials(nodeName);
    Path kubeconfig = NodeIdentity.kubeconfig(cluster, nodeName);
    String user =
        cluster
            .kubectlAs(kubeconfig, "auth", "whoami", "-o", "jsonpath={.status.userInfo.username}")
            .stdout()
            .strip();
    // What the Go node needs beyond the chart's RBAC (written for the Java node, which patches).
    cluster.kubectlWithInput(
        """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: bench-go-extra}
        rules:
          - {apiGroups: [""], resources: [secrets, configmaps, services], verbs: [get, list, watch]}
          - {apiGroups: [""], resources: [pods/status], verbs: [update, patch]}
          - {apiGroups: [""], resources: [nodes, nodes/status], verbs: [get, update, patch]}
        """,
        "apply",
        "-f",
        "-");
    cluster.kubectl(
        "create",
        "clusterrolebinding",
        "bench-go-extra-" + nodeName,
        "--clusterrole=bench-go-extra",
        "--user=" + user);
    Path config = workDir.resolve("mock.json");
    write(
        config, "{\"" + nodeName + "\":{\"cpu\":\"1000\",\"memory\":\"4Ti\",\"pods\":\"20000\"}}");
    ProcessBuilder pb =
        new ProcessBuilder(
            binary.toString(),
            "--provider",
            "mock",
            "--provider-config",
            config.toString(),
            "--nodename",
            nodeName,
            "--kubeconfig",
            kubeconfig.toString());
    pb.environment().put("APISERVER_CERT_LOCATION", creds.servingCert().toString());
    pb.environment().put("APISERVER_KEY_LOCATION", creds.servingKey().toString());
    pb.environment().put("KUBELET_PORT", Integer.toString(port));
    pb.environment().put("VKUBELET_POD_IP", cluster.nodeAddress());
    long launched = System.nanoTime();
    return new Started(
        launch(pb, workDir), launched, nodeName, kubeconfig, workDir.resolve("node.log"));
  }

  /**
   * The image's JVM options: image/jvm.options (one a line) when it exists, else the ENTRYPOINT
   * options of image/Dockerfile; MaxRAMPercentage becomes the -Xmx it gives in a 512 MiB container.
   */
  static List<String> jvmOptions() {
    Path image = ControlPlane.repoRoot().resolve("image");
    List<String> raw = new ArrayList<>();
    try {
      if (Files.isRegularFile(image.resolve("jvm.options"))) {
        for (String l : Files.readAllLines(image.resolve("jvm.options"))) {
          if (!l.isBlank() && !l.strip().startsWith("#")) {
            raw.add(l.strip());
          }
        }
      } else {
        var m =
            java.util.regex.Pattern.compile("\"(-[^\"]+)\"")
                .matcher(Files.readString(image.resolve("Dockerfile")));
        while (m.find()) {
          if (!m.group(1).equals("-jar")) {
            raw.add(m.group(1));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> out = new ArrayList<>();
    for (String o : raw) {
      if (o.startsWith("-XX:MaxRAMPercentage=")) {
        double pct = Double.parseDouble(o.substring(o.indexOf('=') + 1));
        out.add("-Xmx" + Math.round(CONTAINER_MIB * pct / 100) + "m");
      } else {
        out.add(o);
      }
    }
    return out;
  }

  /** Where the class archives are kept: beside the nodes' work directories in the state dir. */
  static Path cdsDir(Path workDir) {
    return workDir.resolveSibling("cds");
  }

  /**
   * Options added after the image's for one benchmark invocation, e.g. a flight recording: the
   * environment variable {@code VK_BENCH_JAVA_OPTS}, split at spaces.
   */
  static List<String> extraJvmOptions() {
    String extra = System.getenv().getOrDefault("VK_BENCH_JAVA_OPTS", "").strip();
    return extra.isEmpty() ? List.of() : List.of(extra.split("\\s+"));
  }

  private static Process launch(ProcessBuilder pb, Path workDir) {
    try {
      Files.createDirectories(workDir);
      Files.deleteIfExists(workDir.resolve("mock-state.json"));
      return pb.redirectErrorStream(true)
          .redirectOutput(workDir.resolve("node.log").toFile())
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
