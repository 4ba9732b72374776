package dev.vk.testbed.node;

import dev.vk.testbed.cluster.ControlPlane;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The identity test nodes run as: the ServiceAccount and RBAC of {@code manifests/rbac.yaml},
 * exactly what the Helm chart installs, so a missing permission fails a test instead of a user.
 */
public final class NodeIdentity {
  private static Path cached;

  private NodeIdentity() {}

  /** Runs {@code sa-kubeconfig.sh} (shared with the demo) once and returns its kubeconfig. */
  public static synchronized Path kubeconfig(ControlPlane cluster) {
    if (cached != null && cached.startsWith(cluster.stateDir())) {
      return cached;
    }
    ProcessBuilder pb =
        new ProcessBuilder(ControlPlane.scriptDir().resolve("sa-kubeconfig.sh").toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT);
    pb.environment().put("STATE", cluster.stateDir().toString());
    pb.environment().put("KUBECTL", ControlPlane.kubectlBinary());
    try {
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("sa-kubeconfig.sh failed: " + out);
      }
      cached = Path.of(out);
      return cached;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
