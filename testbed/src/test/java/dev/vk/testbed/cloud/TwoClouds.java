package dev.vk.testbed.cloud;

import dev.vk.emulator.aci.AciEmulator;
import dev.vk.emulator.ecs.EcsEmulator;
import dev.vk.testbed.cluster.ControlPlane;

/**
 * The cloud E2E fixture most suites share: an ACI emulator and an ECS emulator, each with one node
 * of the real node jar joined to the control plane. {@link #close} stops all four.
 */
final class TwoClouds implements AutoCloseable {
  final AciEmulator aci;
  final EcsEmulator ecs;
  final CloudNode aciNode;
  final CloudNode fargateNode;

  private TwoClouds(AciEmulator aci, EcsEmulator ecs, CloudNode aciNode, CloudNode fargateNode) {
    this.aci = aci;
    this.ecs = ecs;
    this.aciNode = aciNode;
    this.fargateNode = fargateNode;
  }

  /** Starts both emulators and an azure and a fargate node; blocks until they are started. */
  static TwoClouds start(
      ControlPlane cp, String aciNodeName, int aciPort, String fargateNodeName, int fargatePort) {
    AciEmulator aci = null;
    EcsEmulator ecs = null;
    CloudNode aciNode = null;
    try {
      aci = CloudNode.aciEmulator();
      ecs = CloudNode.ecsEmulator();
      aciNode = CloudNode.azure(cp, aci, aciNodeName, aciPort);
      CloudNode fargateNode = CloudNode.fargate(cp, ecs, fargateNodeName, fargatePort);
      return new TwoClouds(aci, ecs, aciNode, fargateNode);
    } catch (RuntimeException | Error e) {
      // No @AfterAll sees a half-started fixture, so stop what did start here.
      CloudNode.stop(aciNode, ecs, aci);
      throw e;
    }
  }

  /** Stops the nodes, then the emulators; idempotent as each part's close is. */
  @Override
  public void close() {
    CloudNode.stop(fargateNode, aciNode, ecs, aci);
  }

  /** Closes {@code clouds} when a suite's start got that far. */
  static void stop(TwoClouds clouds) {
    if (clouds != null) {
      clouds.close();
    }
  }
}
