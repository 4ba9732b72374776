package dev.vk.benchmarks;

import dev.vk.emulator.aci.AciEmulator;
import dev.vk.emulator.aci.AciEmulatorOptions;
import dev.vk.emulator.aci.server.SubscriptionBudget;
import dev.vk.provider.PodLifecycle;
import dev.vk.provider.ProviderContext;
import dev.vk.provider.aci.AciProviderFactory;
import io.kubernetes.client.openapi.models.V1Pod;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The azure provider with its default status settings against the ARM emulator. */
final class AciCloud implements Cloud {
  private static final String GROUP = "vk-bench";
  private final AciEmulator aci;
  private final Map<String, String> settings = new HashMap<>();

  AciCloud() throws Exception {
    // ARM pages lists at 100 here; the real page size is not documented.
    aci =
        AciEmulator.start(
            AciEmulatorOptions.defaults()
                .withPageSize(100)
                .withResourceGroups(GROUP)
                .withLimits(64, 256, 100_000));
    Map<String, String> s = settings;
    s.putAll(aci.providerSettings(GROUP));
  }

  @Override
  public PodLifecycle provider(boolean fastStatus) {
    Map<String, String> s = new HashMap<>(settings);
    if (fastStatus) {
      s.put("status-interval", "1s");
      s.put("status-calls-per-minute", "100000");
      // Only seeding is sped up; the measured provider runs with every default.
      s.put("requests-per-second", "200");
      // Seeding is not measured: ARM's buckets would stretch it by minutes.
      aci.budget().configure(SubscriptionBudget.Kind.READS, 1_000_000, 100_000);
      aci.budget().configure(SubscriptionBudget.Kind.WRITES, 1_000_000, 100_000);
    } else {
      aci.budget().restoreDefault(SubscriptionBudget.Kind.READS);
    }
    return new AciProviderFactory()
        .create(new ProviderContext("vk-bench", "10.0.0.1", n -> Optional.ofNullable(s.get(n))));
  }

  @Override
  public Map<String, Integer> calls() {
    Map<String, Integer> counts = new HashMap<>();
    aci.calls().counts().forEach((op, n) -> counts.put(op, n.intValue()));
    return counts;
  }

  @Override
  public void resetCalls() {
    aci.calls().reset();
  }

  @Override
  public Runnable crasher(V1Pod pod) {
    String group =
        aci.groupTagged(GROUP, "pod-uid", pod.getMetadata().getUid())
            .orElseThrow(() -> new IllegalStateException("no group for " + pod));
    String container = pod.getSpec().getContainers().get(0).getName();
    return () -> aci.faults().exitContainer(GROUP, group, container, 1);
  }

  /** The emulator, for measurements that need more than {@link Cloud} offers. */
  AciEmulator emulator() {
    return aci;
  }

  @Override
  public int referenceCallsPerPodPerMinute() {
    return 24;
  }

  @Override
  public String referenceModel() {
    return "azure-aci: 2 GETs per pod every 5 s";
  }

  @Override
  public void close() {
    aci.close();
  }

  static AciCloud start() {
    try {
      return new AciCloud();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
