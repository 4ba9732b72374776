package dev.vk.testbed.cloud;

import dev.vk.emulator.aci.AciEmulator;
import dev.vk.emulator.aci.AciEmulatorOptions;
import dev.vk.emulator.aci.lifecycle.LifecycleSettings;
import dev.vk.emulator.aci.vnet.VnetOptions;
import dev.vk.emulator.ecs.EcsEmulator;
import dev.vk.emulator.ecs.EmulatorOptions;
import dev.vk.testbed.cluster.ControlPlane;
import dev.vk.testbed.node.NodeProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The real node jar with a cloud provider, pointed at an emulator in the test JVM, configured only
 * through the documented {@code --azure-*} / {@code --fargate-*} settings.
 */
final class CloudNode implements AutoCloseable {
  static final String RESOURCE_GROUP = "vk-rg";
  static final String LOG_GROUP = "/ecs/vk";

  /** The one task role the Fargate node allows, to ServiceAccount default/fg-irsa. */
  static final String ALLOWED_ROLE = "arn:aws:iam::123456789012:role/fg-irsa";

  final String name;
  final NodeProcess process;

  private CloudNode(String name, NodeProcess process) {
    this.name = name;
    this.process = process;
  }

  /** An ACI emulator with quick image pulls and room for every test's groups. */
  static AciEmulator aciEmulator() {
    return aciEmulator(VnetOptions.defaults());
  }

  /** The same, its private IPs from {@code vnet}. */
  static AciEmulator aciEmulator(VnetOptions vnet) {
    try {
      return AciEmulator.start(
          AciEmulatorOptions.defaults()
              .withVnet(vnet)
              .withPageSize(5)
              .withResourceGroups(RESOURCE_GROUP)
              .withLimits(64, 256, 10_000)
              .withLifecycle(
                  new LifecycleSettings(
                      Duration.ofMillis(800),
                      Duration.ofSeconds(1),
                      Duration.ofMillis(500),
                      Duration.ofSeconds(5),
                      10_000)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An ECS + CloudWatch Logs emulator with the log group the node writes to. */
  static EcsEmulator ecsEmulator() {
    return EcsEmulator.start(EmulatorOptions.defaults().logGroup(LOG_GROUP));
  }

  /** Starts a node with provider {@code azure} against {@code aci}; returns once it is Ready. */
  static CloudNode azure(ControlPlane cp, AciEmulator aci, String name, int kubeletPort) {
    return azure(cp, aci, name, kubeletPort, Map.of());
  }

  /** As {@link #azure(ControlPlane, AciEmulator, String, int)}, with {@code extra} settings. */
  static CloudNode azure(
      ControlPlane cp, AciEmulator aci, String name, int kubeletPort, Map<String, String> extra) {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("provider", "azure");
    aci.providerSettings(RESOURCE_GROUP).forEach((k, v) -> s.put("azure-" + k, v));
    // VNet mode, as AKS virtual nodes run: every group gets a private IP, the pod IP.
    s.put("azure-subnet-ids", aci.subnetId());
    s.put("azure-status-interval", "1s");
    s.put("azure-status-calls-per-minute", "600");
    s.put("azure-status-read-share", "100%"); // the emulator's whole read bucket: 600 a minute
    s.put("azure-settle-time", "5s");
    s.put("azure-log-poll-interval", "500ms");
    s.put("azure-metrics-freshness", "10s"); // metrics-server's resolution: kubectl top sooner
    s.put("azure-identity-allowlist", "default/aci-mi=" + allowedIdentity(aci));
    s.putAll(extra);
    return start(cp, name, kubeletPort, s);
  }

  /** Starts a node with provider {@code fargate} against {@code ecs}; returns once it is Ready. */
  static CloudNode fargate(ControlPlane cp, EcsEmulator ecs, String name, int kubeletPort) {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("provider", "fargate");
    ecs.providerSettings().forEach((k, v) -> s.put("fargate-" + k, v));
    s.put("fargate-status-interval", "2s");
    s.put("fargate-transition-interval", "500ms");
    s.put("fargate-metrics-freshness", "10s"); // metrics-server's resolution: kubectl top sooner
    s.put("fargate-identity-allowlist", "default/fg-irsa=" + ALLOWED_ROLE);
    return start(cp, name, kubeletPort, s);
  }

  /** A user-assigned identity in the emulator's subscription; {@code name} picks which. */
  static String identity(AciEmulator aci, String name) {
    return "/subscriptions/"
        + aci.subscriptionId()
        + "/resourceGroups/"
        + RESOURCE_GROUP
        + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/"
        + name;
  }

  /** The one managed identity the azure node allows, to ServiceAccount default/aci-mi. */
  static String allowedIdentity(AciEmulator aci) {
    return identity(aci, "aci-allowed");
  }

  private static CloudNode start(
      ControlPlane cp, String name, int kubeletPort, Map<String, String> settings) {
    CloudNode node = new CloudNode(name, NodeProcess.start(cp, name, kubeletPort, settings));
    try {
      new CloudCluster(cp).awaitReady(name);
    } catch (RuntimeException e) {
      node.close();
      throw new IllegalStateException(
          "node " + name + " never got Ready; its log:\n" + node.process.logTail(), e);
    }
    return node;
  }

  /** For {@code @AfterAll}: a class whose setup failed may have no node. */
  static void stop(AutoCloseable... closeables) {
    for (AutoCloseable c : closeables) {
      if (c != null) {
        try {
          c.close();
        } catch (Exception e) {
          System.err.println("cloud e2e: closing " + c + " failed: " + e);
        }
      }
    }
  }

  @Override
  public void close() {
    process.close();
  }

  @Override
  public String toString() {
    return "node " + name;
  }
}
