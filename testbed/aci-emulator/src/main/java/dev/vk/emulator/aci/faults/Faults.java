package dev.vk.emulator.aci.faults;

import dev.vk.emulator.aci.lifecycle.Kill;
import dev.vk.emulator.aci.model.ContainerGroupStore;
import dev.vk.emulator.aci.model.GroupKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Fault injection and out-of-band events. Thread-safe: tests call it while the server's event loops
 * consult {@link #decide}.
 */
public final class Faults {

  private final Map<String, ActiveRule> rules = new LinkedHashMap<>();
  private final ContainerGroupStore store;
  private final Clock clock;
  private final String subscription;
  private final Random random;

  /** Faults over {@code store}; out-of-band events act on {@code subscription}. */
  public Faults(ContainerGroupStore store, Clock clock, String subscription, long seed) {
    this.store = store;
    this.clock = clock;
    this.subscription = subscription;
    this.random = new Random(seed);
  }

  /** Activates a rule; returns its id for {@link #remove}. */
  public synchronized String inject(FaultRule rule) {
    String id = UUID.randomUUID().toString();
    rules.put(id, new ActiveRule(rule));
    return id;
  }

  /** Deactivates one rule. */
  public synchronized void remove(String id) {
    rules.remove(id);
  }

  /** Deactivates every rule. */
  public synchronized void clear() {
    rules.clear();
  }

  /** Rules still active, with the calls they have left in {@link FaultRule#count()}. */
  public synchronized Map<String, FaultRule> active() {
    Map<String, FaultRule> copy = new LinkedHashMap<>();
    rules.forEach((id, active) -> copy.put(id, active.current()));
    return copy;
  }

  /** Decides the fate of one call; consumes a use of the matching counted rules. */
  public synchronized FaultDecision decide(String operation) {
    Duration latency = Duration.ZERO;
    FaultRule failure = null;
    List<String> exhausted = new ArrayList<>();
    for (Map.Entry<String, ActiveRule> entry : rules.entrySet()) {
      ActiveRule active = entry.getValue();
      if (!active.rule.matches(operation) || (failure != null && active.rule.status() != 0)) {
        continue;
      }
      if (active.rule.percent() < 100 && random.nextInt(100) >= active.rule.percent()) {
        continue;
      }
      latency = latency.plus(active.rule.latency());
      failure = active.rule.status() != 0 ? active.rule : failure;
      if (active.use()) {
        exhausted.add(entry.getKey());
      }
    }
    exhausted.forEach(rules::remove);
    return new FaultDecision(latency, failure);
  }

  /** Deletes a container group behind the client's back; false if it did not exist. */
  public boolean deleteContainerGroup(String resourceGroup, String name) {
    return store.remove(new GroupKey(subscription, resourceGroup, name)).isPresent();
  }

  /**
   * Makes a running container exit now with {@code exitCode}, as if its process died; the restart
   * policy then applies. False if the group or container does not exist.
   */
  public boolean exitContainer(String resourceGroup, String group, String container, int exitCode) {
    Kill kill = new Kill(clock.instant(), exitCode);
    return store
        .update(
            new GroupKey(subscription, resourceGroup, group),
            g -> g.spec().container(container) == null ? g : g.withKill(container, kill))
        .map(g -> g.spec().container(container) != null)
        .orElse(false);
  }

  private static final class ActiveRule {
    private final FaultRule rule;
    private int used;

    ActiveRule(FaultRule rule) {
      this.rule = rule;
    }

    /** Counts a use; true when the rule is used up. */
    boolean use() {
      used++;
      return rule.count() >= 0 && used >= rule.count();
    }

    FaultRule current() {
      int left = rule.count() < 0 ? -1 : rule.count() - used;
      return new FaultRule(
          rule.operation(), rule.status(), rule.retryAfter(), rule.latency(), left, rule.percent());
    }
  }
}
