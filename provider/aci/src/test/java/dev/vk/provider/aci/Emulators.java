package dev.vk.provider.aci;

import dev.vk.emulator.aci.AciEmulator;
import dev.vk.emulator.aci.AciEmulatorOptions;
import dev.vk.emulator.aci.lifecycle.LifecycleSettings;
import dev.vk.emulator.aci.vnet.VnetOptions;
import dev.vk.kubelet.types.ProviderException;
import dev.vk.provider.PodLifecycle;
import dev.vk.provider.ProviderContext;
import dev.vk.provider.testkit.EmulatorExtension;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.awaitility.Awaitility;

/** In-JVM ACI emulators with fast lifecycles, and providers built by the factory against them. */
final class Emulators {

  static final String RESOURCE_GROUP = "vk-rg";
  static final String NODE = "vk-aci-test";
  static final String NODE_IP = "192.0.2.20";
  static final String CLUSTER_ID = "it-cluster";

  private Emulators() {}

  /** A fresh emulator for each test (instance field) or the class ({@code static} field). */
  static EmulatorExtension<AciEmulator> extension() {
    return extension(VnetOptions.defaults(), 5);
  }

  /** An emulator whose lists have {@code pageSize} groups a page. */
  static EmulatorExtension<AciEmulator> extension(int pageSize) {
    return extension(VnetOptions.defaults(), pageSize);
  }

  /** An emulator whose private IPs come from {@code vnet}. */
  static EmulatorExtension<AciEmulator> extension(VnetOptions vnet) {
    return extension(vnet, 5);
  }

  private static EmulatorExtension<AciEmulator> extension(VnetOptions vnet, int pageSize) {
    return new EmulatorExtension<>(
        () ->
            AciEmulator.start(
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
                            10_000))));
  }

  /** The settings a deployment against the emulator uses; {@code extra} overrides, in pairs. */
  static Map<String, String> settings(EmulatorExtension<AciEmulator> aci, String... extra) {
    Map<String, String> s = new HashMap<>(aci.get().providerSettings(RESOURCE_GROUP));
    // VNet mode: every group gets a private IP, as AKS virtual nodes run.
    s.put("subnet-ids", aci.get().subnetId());
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

  /** A provider of the running emulator, closed before it. */
  static AciProvider provider(EmulatorExtension<AciEmulator> aci, String... extra)
      throws ProviderException {
    PodLifecycle provider = new AciProviderFactory().create(context(settings(aci, extra)));
    return aci.closeAfter((AciProvider) provider);
  }

  /**
   * Creates {@code n} sleeper pods at {@code provider}, starts its status notifier, waits until its
   * first round has read them all, and resets the emulator's call counts. Give the provider a long
   * {@code status-interval} to keep later rounds out of the counts.
   */
  static List<V1Pod> readByTheNotifier(
      AciProvider provider, EmulatorExtension<AciEmulator> aci, int n) throws ProviderException {
    List<V1Pod> pods = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      V1Pod pod = TestPods.sleeper();
      pods.add(pod);
      provider.createPod(pod);
    }
    Set<String> pushed = ConcurrentHashMap.newKeySet();
    provider.notifyPods(p -> pushed.add(p.getMetadata().getUid()));
    Awaitility.await("the first status round's GETs").until(() -> pushed.size() == n);
    aci.get().calls().reset();
    return pods;
  }
}
