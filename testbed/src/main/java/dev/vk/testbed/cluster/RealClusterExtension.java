package dev.vk.testbed.cluster;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The extension behind {@link RealCluster}: one {@link ControlPlane} per JVM, kept in the root
 * {@link ExtensionContext} store and stopped when that store closes at the end of the run.
 *
 * <p>{@code -Dvk.e2e.keepCluster=true} leaves it running afterwards for debugging ({@code
 * KUBECONFIG=testbed/target/e2e-cluster/kubeconfig}; stop it with {@code STATE=... NAME=vk-e2e
 * testbed/controlplane/down.sh}).
 */
public final class RealClusterExtension implements BeforeAllCallback, ParameterResolver {

  public static final String NETNS = "vk-e2e";
  public static final String SUBNET = "10.251.0";

  /**
   * {@code -Dvk.e2e.netns} and {@code -Dvk.e2e.subnet} move the cluster, so that two checkouts can
   * run their E2E tests side by side.
   */
  static String netns() {
    return System.getProperty("vk.e2e.netns", NETNS);
  }

  static String subnet() {
    return System.getProperty("vk.e2e.subnet", SUBNET);
  }

  private static final Namespace NAMESPACE = Namespace.create(RealClusterExtension.class);

  /**
   * The shared cluster, or why it could not start (so later classes fail fast, not start again).
   */
  private static final class Shared implements AutoCloseable {
    private final ControlPlane controlPlane;
    private final RuntimeException failure;

    Shared() {
      ControlPlane cp = null;
      RuntimeException failed = null;
      try {
        cp = ControlPlane.start(stateDir(), netns(), subnet());
      } catch (RuntimeException e) {
        failed = e;
      }
      this.controlPlane = cp;
      this.failure = failed;
    }

    ControlPlane get() {
      if (failure != null) {
        throw new IllegalStateException("the shared E2E control plane did not start", failure);
      }
      return controlPlane;
    }

    @Override
    public void close() {
      if (controlPlane == null) {
        return;
      }
      if (Boolean.getBoolean("vk.e2e.keepCluster")) {
        controlPlane.detach();
        System.out.println(
            "testbed: keeping the E2E cluster: export KUBECONFIG=" + controlPlane.kubeconfig());
      } else {
        controlPlane.stop();
      }
    }
  }

  /** {@code <repo>/testbed/target/e2e-cluster}. */
  public static Path stateDir() {
    return ControlPlane.repoRoot().resolve("testbed/target/e2e-cluster");
  }

  /** The shared control plane, started on first use. */
  public static ControlPlane controlPlane(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(Shared.class, k -> new Shared(), Shared.class)
        .get();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    controlPlane(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == ControlPlane.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    try {
      return controlPlane(context);
    } catch (IllegalStateException e) {
      throw new ParameterResolutionException(e.getMessage(), e);
    }
  }
}
