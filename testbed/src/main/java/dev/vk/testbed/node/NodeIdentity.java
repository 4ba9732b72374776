package dev.vk.testbed.node;

import dev.vk.testbed.cluster.ControlPlane;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The identity test nodes run as: the ServiceAccount and RBAC of {@code manifests/rbac.yaml},
 * exactly what the Helm chart installs, so a missing permission fails a test instead of a user. The
 * RBAC names the node it allows (resourceNames), so each node name gets its own copy of it (its own
 * namespace, ServiceAccount and roles, as one chart release per node would).
 */
public final class NodeIdentity {
  /**
   * Per node name, the kubeconfig and the cluster it was issued by: a cluster started again in the
   * same state directory (a rerun's) knows no token of the one before.
   */
  private static final Map<String, Issued> cached = new HashMap<>();

  private record Issued(ControlPlane cluster, Path kubeconfig) {}

  private NodeIdentity() {}

  /**
   * Runs {@code sa-kubeconfig.sh} (shared with the demo) once per cluster instance and node name
   * and returns its kubeconfig. Idempotent; blocks on kubectl.
   */
  public static synchronized Path kubeconfig(ControlPlane cluster, String nodeName) {
    Issued known = cached.get(nodeName);
    if (known != null && known.cluster() == cluster) {
      return known.kubeconfig();
    }
    ProcessBuilder pb =
        new ProcessBuilder(ControlPlane.scriptDir().resolve("sa-kubeconfig.sh").toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT);
    pb.environment().put("STATE", cluster.stateDir().toString());
    pb.environment().put("KUBECTL", ControlPlane.kubectlBinary());
    pb.environment().put("NODE_NAME", nodeName);
    try {
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("sa-kubeconfig.sh failed: " + out);
      }
      Path path = Path.of(out);
      cached.put(nodeName, new Issued(cluster, path));
      return path;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
