package dev.vk.testbed.cluster;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.Config;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/**
 * A real Kubernetes control plane (etcd, kube-apiserver, kube-controller-manager, kube-scheduler)
 * started by {@code testbed/controlplane/up.sh} in the network namespace {@link #netns()}.
 *
 * <p>The apiserver listens on {@code <subnet>.1:6443} inside the namespace; the root namespace
 * holds the other end of a veth pair at {@link #nodeAddress()} ({@code <subnet>.2}), where
 * virtual-kubelet nodes listen and which they advertise as their InternalIP. Needs root; the first
 * start builds the binaries with Go (see {@code build.sh}), later starts take seconds.
 */
public final class ControlPlane implements AutoCloseable {

  /** Defaults of up.sh, used by the demo. */
  public static final String DEFAULT_NETNS = "vk-testbed";

  public static final String DEFAULT_SUBNET = "10.250.0";

  /**
   * kubectl within the supported skew of the 1.34 server; {@code kubectl} on the PATH otherwise.
   */
  public static final Path PREFERRED_KUBECTL =
      Path.of("/usr/lib/google-cloud-sdk/bin/kubectl.1.33");

  private static final Duration UP_TIMEOUT = Duration.ofMinutes(60);
  private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration KUBECTL_TIMEOUT = Duration.ofSeconds(60);
  private static final Pattern SUBNET = Pattern.compile("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
  static final List<String> PROXY_VARIABLES =
      List.of(
          "HTTPS_PROXY",
          "https_proxy",
          "HTTP_PROXY",
          "http_proxy",
          "ALL_PROXY",
          "all_proxy",
          "NO_PROXY",
          "no_proxy");

  private final Path stateDir;
  private final String netns;
  private final String subnet;
  private final boolean owned;
  private final AtomicBoolean stopped = new AtomicBoolean();
  private final Thread shutdownHook;
  private ApiClient adminClient;
  private ApiServerProcess apiServerProcess;
  private FileChannel lockChannel;
  private FileLock lock;

  private ControlPlane(Path stateDir, String netns, String subnet, boolean owned) {
    this.stateDir = stateDir.toAbsolutePath().normalize();
    this.netns = netns;
    this.subnet = subnet;
    this.owned = owned;
    this.shutdownHook = new Thread(this::stopQuietly, "vk-testbed-down-" + netns);
  }

  /**
   * Starts a control plane with up.sh, stopping one that runs with the same state dir or namespace
   * first. The script's output (build progress on a cold start) goes to {@code System.out}. A JVM
   * shutdown hook stops it if {@link #stop()} is never called.
   *
   * @param stateDir certificates, kubeconfigs, logs, pid files and etcd data
   * @param netns name of the network namespace (at most 12 characters are used in veth names)
   * @param subnet the first three octets of the veth /24, such as {@code 10.250.0}
   */
  public static ControlPlane start(Path stateDir, String netns, String subnet) {
    ControlPlane cp = new ControlPlane(stateDir, netns, checkSubnet(subnet), true);
    cp.lock();
    Runtime.getRuntime().addShutdownHook(cp.shutdownHook);
    try {
      cp.runScript("up.sh", UP_TIMEOUT, true);
    } catch (RuntimeException e) {
      cp.stopQuietly();
      throw e;
    }
    return cp;
  }

  /**
   * Takes {@code <tmpdir>/vk-testbed-<netns>.lock} until {@link #stop()} or JVM exit, so that two
   * JVMs (two Maven runs, two checkouts) never tear down each other's cluster: the second waits.
   */
  private void lock() {
    Path file = Path.of(System.getProperty("java.io.tmpdir"), "vk-testbed-" + netns + ".lock");
    try {
      lockChannel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      lock = lockChannel.tryLock();
      if (lock == null) {
        System.out.println(
            "testbed: waiting for another process using netns " + netns + " (" + file + ")");
        lock = lockChannel.lock();
      }
    } catch (OverlappingFileLockException e) {
      closeLock();
      throw new IllegalStateException("this JVM already runs a control plane in netns " + netns, e);
    } catch (IOException e) {
      closeLock();
      throw new UncheckedIOException("cannot lock " + file, e);
    }
  }

  private void closeLock() {
    try {
      if (lockChannel != null) {
        lockChannel.close(); // releases the lock
      }
    } catch (IOException ignored) {
      // nothing to release
    }
    lockChannel = null;
    lock = null;
  }

  /**
   * A handle on a control plane that up.sh already started (for example the demo's); {@link
   * #stop()} and {@link #close()} leave it running.
   */
  public static ControlPlane attach(Path stateDir, String netns, String subnet) {
    ControlPlane cp = new ControlPlane(stateDir, netns, checkSubnet(subnet), false);
    if (!Files.isRegularFile(cp.kubeconfig())) {
      throw new IllegalStateException("no control plane in " + cp.stateDir + " (run up.sh)");
    }
    return cp;
  }

  /** Stops everything with down.sh: the control plane and every process named in pids/*.pid. */
  public void stop() {
    if (!owned || !stopped.compareAndSet(false, true)) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException | SecurityException shuttingDown) {
      // stop() runs from the hook itself
    }
    try {
      runScript("down.sh", SCRIPT_TIMEOUT, true);
    } finally {
      closeLock();
    }
  }

  /**
   * Lets the control plane outlive this handle and the JVM: removes the shutdown hook and makes
   * {@link #stop()} a no-op. For debugging; stop it later with down.sh.
   */
  public void detach() {
    if (owned && stopped.compareAndSet(false, true)) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException | SecurityException shuttingDown) {
        // too late to keep it
      }
      closeLock();
    }
  }

  @Override
  public void close() {
    stop();
  }

  private void stopQuietly() {
    try {
      stop();
    } catch (RuntimeException e) {
      System.err.println("testbed: stopping the control plane failed: " + e.getMessage());
    }
  }

  public Path stateDir() {
    return stateDir;
  }

  public String netns() {
    return netns;
  }

  public String subnet() {
    return subnet;
  }

  /** The admin kubeconfig (user {@code admin} in {@code system:masters}). */
  public Path kubeconfig() {
    return stateDir.resolve("kubeconfig");
  }

  /** {@code https://<subnet>.1:6443}, reachable from the root namespace through the veth. */
  public String apiServerUrl() {
    return "https://" + subnet + ".1:6443";
  }

  /**
   * The root-namespace end of the veth: where nodes listen and what they advertise as InternalIP.
   */
  public String nodeAddress() {
    return subnet + ".2";
  }

  /** The CA that signed every testbed certificate. */
  public Path caCertificate() {
    return stateDir.resolve("pki/ca.crt");
  }

  /**
   * Writes to {@code file} a kubeconfig with nothing but a bearer token, so no client certificate
   * can stand in for the identity under test.
   */
  public Path tokenKubeconfig(String token, Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(
          file,
          """
          apiVersion: v1
          kind: Config
          clusters:
            - name: testbed
              cluster: {server: "%s", certificate-authority: "%s"}
          users:
            - name: sa
              user: {token: "%s"}
          contexts:
            - name: sa
              context: {cluster: testbed, user: sa, namespace: default}
          current-context: sa
          """
              .formatted(apiServerUrl(), caCertificate(), token));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** The directory of the logs of etcd, kube-apiserver, kube-controller-manager, kube-scheduler. */
  public Path logDir() {
    return stateDir.resolve("logs");
  }

  /**
   * The directory where processes that {@link #stop()} must end can drop {@code <name>.pid} files.
   */
  public Path pidDir() {
    return stateDir.resolve("pids");
  }

  /** An API client for the admin identity; one shared instance. */
  public synchronized ApiClient apiClient() {
    if (adminClient == null) {
      adminClient = apiClient(kubeconfig());
    }
    return adminClient;
  }

  /**
   * A new API client for the identity of a kubeconfig, such as {@link
   * NodeCredentials#kubeconfig()}.
   */
  public ApiClient apiClient(Path kubeconfig) {
    try {
      return Config.fromConfig(kubeconfig.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load " + kubeconfig, e);
    }
  }

  /** Starts kubectl as admin and leaves it running (logs -f, port-forward, attach). */
  public BackgroundCommand kubectlInBackground(String... args) {
    List<String> command =
        new ArrayList<>(List.of(kubectlBinary(), "--kubeconfig=" + kubeconfig()));
    command.addAll(List.of(args));
    return BackgroundCommand.start(command);
  }

  /** Runs kubectl as admin with a 60 s timeout. */
  public CommandResult kubectl(String... args) {
    return kubectl(kubeconfig(), null, KUBECTL_TIMEOUT, args);
  }

  /** Runs kubectl as admin. */
  public CommandResult kubectl(Duration timeout, String... args) {
    return kubectl(kubeconfig(), null, timeout, args);
  }

  /** Runs kubectl as the identity of another kubeconfig with a 60 s timeout. */
  public CommandResult kubectlAs(Path kubeconfig, String... args) {
    return kubectl(kubeconfig, null, KUBECTL_TIMEOUT, args);
  }

  /** Runs kubectl as admin with {@code stdin} as its input, for example {@code apply -f -}. */
  public CommandResult kubectlWithInput(String stdin, String... args) {
    return kubectl(kubeconfig(), stdin, KUBECTL_TIMEOUT, args);
  }

  /**
   * Runs kubectl.
   *
   * @param kubeconfig passed as {@code --kubeconfig}
   * @param stdin input, or null for none
   * @throws IllegalStateException when kubectl does not finish within {@code timeout}
   */
  public CommandResult kubectl(Path kubeconfig, String stdin, Duration timeout, String... args) {
    List<String> command = new ArrayList<>();
    command.add(kubectlBinary());
    command.add("--kubeconfig=" + kubeconfig);
    command.addAll(List.of(args));
    return Commands.run(command, Map.of(), stdin, timeout);
  }

  /**
   * Stops the kube-apiserver process (SIGTERM, then SIGKILL after 30 s) and keeps its command line
   * for {@link #startApiServer()}; etcd and the other components keep running. Blocks until it is
   * gone.
   */
  public synchronized void stopApiServer() {
    apiServer().stop();
  }

  /**
   * Starts the kube-apiserver that {@link #stopApiServer()} stopped, with the same flags, in the
   * same namespace, and waits until it answers {@code /readyz}.
   */
  public synchronized void startApiServer() {
    apiServer().start();
    Awaitility.await("kube-apiserver /readyz after a restart")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              CommandResult r = kubectl(Duration.ofSeconds(10), "get", "--raw", "/readyz");
              return r.exitCode() == 0 && r.stdout().trim().equals("ok");
            });
  }

  private ApiServerProcess apiServer() {
    if (apiServerProcess == null) {
      apiServerProcess = new ApiServerProcess(this);
    }
    return apiServerProcess;
  }

  /**
   * Issues (or re-issues) the client and serving certificates of a node with node-credentials.sh.
   */
  public NodeCredentials nodeCredentials(String nodeName) {
    Map<String, String> kv = new HashMap<>();
    for (String line : runScript("node-credentials.sh", SCRIPT_TIMEOUT, false, nodeName)) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        kv.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return new NodeCredentials(
        nodeName,
        path(kv, "kubeconfig"),
        path(kv, "clientCert"),
        path(kv, "clientKey"),
        path(kv, "servingCert"),
        path(kv, "servingKey"),
        path(kv, "caCert"),
        path(kv, "clientCaCert"));
  }

  private static Path path(Map<String, String> kv, String key) {
    String v = kv.get(key);
    if (v == null) {
      throw new IllegalStateException("node-credentials.sh did not print " + key + ": " + kv);
    }
    return Path.of(v);
  }

  /** The directory of up.sh, down.sh, build.sh and node-credentials.sh. */
  public static Path scriptDir() {
    return Scripts.dir();
  }

  /** The repository root (the parent of {@code testbed/}). */
  public static Path repoRoot() {
    return scriptDir().getParent().getParent();
  }

  /**
   * {@code -Dvk.testbed.kubectl}, else {@link #PREFERRED_KUBECTL} if present, else {@code kubectl}.
   */
  public static String kubectlBinary() {
    String configured = System.getProperty("vk.testbed.kubectl");
    if (configured != null) {
      return configured;
    }
    return Files.isExecutable(PREFERRED_KUBECTL) ? PREFERRED_KUBECTL.toString() : "kubectl";
  }

  /** Runs a script with this plane's state, namespace and subnet; see {@link Scripts#run}. */
  private List<String> runScript(String script, Duration timeout, boolean echo, String... args) {
    List<String> all =
        new ArrayList<>(
            List.of("--state", stateDir.toString(), "--name", netns, "--subnet", subnet));
    all.addAll(List.of(args));
    return Scripts.run(script, timeout, echo, all);
  }

  private static String checkSubnet(String subnet) {
    if (!SUBNET.matcher(subnet).matches()) {
      throw new IllegalArgumentException("subnet must be three octets like 10.250.0: " + subnet);
    }
    return subnet;
  }

  @Override
  public String toString() {
    return "ControlPlane[" + apiServerUrl() + ", netns " + netns + ", state " + stateDir + "]";
  }
}
