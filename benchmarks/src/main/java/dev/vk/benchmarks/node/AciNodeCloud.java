package dev.vk.benchmarks.node;

import dev.vk.emulator.aci.AciEmulator;
import dev.vk.emulator.aci.AciEmulatorOptions;
import dev.vk.emulator.aci.lifecycle.LifecycleSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ARM emulator with a quick container start, and the azure provider with its default timings
 * and rates (only endpoints, identity and VNet mode set, as AKS virtual nodes run).
 */
final class AciNodeCloud implements NodeCloud {
  static final String RESOURCE_GROUP = "vk-bench";

  /** Create to Running in the emulator: 0.5 s Pending, 0.5 s Creating (ACI: tens of seconds). */
  static final Duration PULL = Duration.ofSeconds(1);

  private final AciEmulator aci;
  private final Instant warmed;

  private AciNodeCloud(AciEmulator aci) {
    this.aci = aci;
    EmulatorWarmUp.aci(aci.providerSettings(RESOURCE_GROUP));
    this.warmed = Instant.now();
  }

  /** Starts the emulator on loopback and warms it; blocks until it listens. */
  static AciNodeCloud start() {
    LifecycleSettings d = LifecycleSettings.defaults();
    try {
      return new AciNodeCloud(
          AciEmulator.start(
              AciEmulatorOptions.defaults()
                  .withResourceGroups(RESOURCE_GROUP)
                  .withLifecycle(
                      new LifecycleSettings(
                          PULL,
                          d.minimumRunTime(),
                          d.restartBackoff(),
                          d.maxRestartBackoff(),
                          d.maxLogLines()))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Map<String, String> nodeSettings() {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("provider", "azure");
    aci.providerSettings(RESOURCE_GROUP).forEach((k, v) -> s.put("azure-" + k, v));
    s.put("azure-subnet-ids", aci.subnetId());
    // As AKS configures its virtual nodes (kube-dns at 10.0.0.10): without it every pod gets a
    // MissingClusterDNS warning, which a real install does not pay.
    s.put("azure-cluster-dns", "10.0.0.10");
    tuned().forEach((k, v) -> s.put("azure-" + k, v));
    return s;
  }

  @Override
  public Map<String, String> tuned() {
    return NodeCloud.tuned("aci");
  }

  /**
   * The default settle-time (1 min) plus two default status rounds (10 s each), after which the
   * provider drops the reads a rollout left it owing, and a margin.
   */
  @Override
  public Duration settle() {
    return Duration.ofSeconds(85);
  }

  @Override
  public List<CloudCalls.Call> calls() {
    return aci.calls().timeline().stream()
        .filter(c -> !c.receivedAt().isBefore(warmed))
        .map(c -> new CloudCalls.Call(c.receivedAt(), c.operation()))
        .toList();
  }

  @Override
  public void close() {
    aci.close();
  }
}
