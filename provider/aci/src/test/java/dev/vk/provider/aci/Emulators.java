package dev.vk.provider.aci;

import dev.vk.emulator.aci.AciEmulator;
import dev.vk.emulator.aci.AciEmulatorOptions;
import dev.vk.emulator.aci.lifecycle.LifecycleSettings;
import dev.vk.emulator.aci.vnet.VnetOptions;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.PodLifecycle;
import dev.vk.provider.ProviderContext;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** An in-JVM ACI emulator with fast lifecycles, and providers built by the factory against it. */
final class Emulators {

  static final String RESOURCE_GROUP = "vk-rg";
  static final String NODE = "vk-aci-test";
  static final String NODE_IP = "192.0.2.20";
  static final String CLUSTER_ID = "it-cluster";

  private Emulators() {}

  static AciEmulator start() throws IOException {
    return start(VnetOptions.defaults(), 5);
  }

  /** An emulator whose lists have {@code pageSize} groups a page. */
  static AciEmulator start(int pageSize) throws IOException {
    return start(VnetOptions.defaults(), pageSize);
  }

  /** An emulator whose private IPs come from {@code vnet}. */
  static AciEmulator start(VnetOptions vnet) throws IOException {
    return start(vnet, 5);
  }

  private static AciEmulator start(VnetOptions vnet, int pageSize) throws IOException {
    return AciEmulator.start(
        AciEmulatorOptions.defaults()
            .withVnet(vnet)
            .withPageSize(pageSize)
            .withResourceGroups(RESOURCE_GROUP)
            .withLimits(64, 256, 10_000)
            .withLifecycle(
                new LifecycleSettings(
                    Duration.ofMillis(300),
                    Duration.ofMillis(500),
                    Duration.ofMillis(300),
                    Duration.ofSeconds(2),
                    10_000)));
  }

  /** The settings a deployment against the emulator uses; {@code extra} overrides, in pairs. */
  static Map<String, String> settings(AciEmulator aci, String... extra) {
    Map<String, String> s = new HashMap<>(aci.providerSettings(RESOURCE_GROUP));
    // VNet mode: every group gets a private IP, as AKS virtual nodes run.
    s.put("subnet-ids", aci.subnetId());
    s.put("status-interval", "200ms");
    s.put("status-calls-per-minute", "100000");
    // The whole read budget of the emulator's subscription: ITs want quick rounds.
    s.put("status-read-share", "100");
    s.put("settle-time", "1s");
    s.put("log-poll-interval", "200ms");
    s.put("requests-per-second", "200");
    s.put("cluster-id", CLUSTER_ID);
    for (int i = 0; i < extra.length; i += 2) {
      s.put(extra[i], extra[i + 1]);
    }
    return s;
  }

  static ProviderContext context(Map<String, String> settings) {
    return new ProviderContext(NODE, NODE_IP, name -> Optional.ofNullable(settings.get(name)));
  }

  static AciProvider provider(AciEmulator aci, String... extra) throws ProviderException {
    PodLifecycle provider = new AciProviderFactory().create(context(settings(aci, extra)));
    return (AciProvider) provider;
  }
}
