package dev.vk.testbed.e2e;

import dev.vk.testbed.cluster.ControlPlane;
import dev.vk.testbed.node.NodeProcess;
import java.util.Map;

/** A mock-provider node process that a test class shares, registered and Ready once started. */
final class MockNode implements AutoCloseable {
  final String name;
  final NodeProcess process;

  private MockNode(String name, NodeProcess process) {
    this.name = name;
    this.process = process;
  }

  static MockNode start(ControlPlane cp, String name, int kubeletPort) {
    MockNode node = new MockNode(name, NodeProcess.start(cp, name, kubeletPort, Map.of()));
    new Cluster(cp).awaitReady(name, "True");
    return node;
  }

  /** For {@code @AfterAll}: a class whose setup failed may have no node. */
  static void stop(MockNode node) {
    if (node != null) {
      node.close();
    }
  }

  @Override
  public void close() {
    process.close();
  }
}
