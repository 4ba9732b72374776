package dev.vk.testbed.cluster;

/**
 * Watches a node's Ready condition the way {@code kubectl get node -w} does, so a test can tell
 * whether the control plane ever saw the node other than Ready: then it marks the node's pods not
 * ready itself, and a pod's Ready flip is not the node's doing.
 */
public final class NodeReadyWatch implements AutoCloseable {
  private final BackgroundCommand watch;

  private NodeReadyWatch(BackgroundCommand watch) {
    this.watch = watch;
  }

  /** Starts watching {@code node}. */
  public static NodeReadyWatch start(ControlPlane cluster, String node) {
    return new NodeReadyWatch(
        cluster.kubectlInBackground(
            "get",
            "node",
            node,
            "-w",
            "-o",
            "jsonpath=ready={.status.conditions[?(@.type==\"Ready\")].status}{\"\\n\"}"));
  }

  /** Whether every state reported so far was Ready=True. */
  public boolean stayedReady() {
    return watch
        .output()
        .lines()
        .filter(l -> l.startsWith("ready="))
        .allMatch("ready=True"::equals);
  }

  /** Everything the watch printed, for messages. */
  public String transcript() {
    return watch.output();
  }

  @Override
  public void close() {
    watch.close();
  }
}
