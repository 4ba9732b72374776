package dev.vk.emulator.aci.vnet;

import dev.vk.emulator.aci.lifecycle.ContainerTimeline;
import dev.vk.emulator.aci.lifecycle.GroupState;
import dev.vk.emulator.aci.lifecycle.LifecycleSettings;
import dev.vk.emulator.aci.model.ContainerGroup;
import dev.vk.emulator.aci.model.ContainerGroupStore;
import dev.vk.emulator.aci.model.ContainerSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the pod network in step with the store: while a group with a private IP is Running, its IP
 * answers on its ports (those on its IP address and its containers' ports, as any listening port is
 * reachable inside a VNet); when it stops, is redeployed or deleted, they stop answering. Groups
 * change by time as well as by calls, so the store is looked at every {@value #PERIOD_MS} ms.
 */
public final class PodNetwork implements AutoCloseable {

  static final long PERIOD_MS = 200;

  private final ContainerGroupStore store;
  private final LifecycleSettings lifecycle;
  private final Clock clock;
  private final PodAddresses addresses;
  private final Map<String, Set<Integer>> answering = new HashMap<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "aci-pod-network");
            t.setDaemon(true);
            return t;
          });

  private PodNetwork(
      ContainerGroupStore store, LifecycleSettings lifecycle, Clock clock, PodAddresses addresses) {
    this.store = store;
    this.lifecycle = lifecycle;
    this.clock = clock;
    this.addresses = addresses;
  }

  /** Starts the pod network {@code options} ask for, or returns null when they ask for none. */
  public static PodNetwork start(
      VnetOptions options, ContainerGroupStore store, LifecycleSettings lifecycle, Clock clock) {
    if (!options.podNetwork()) {
      return null;
    }
    PodAddresses addresses =
        options.netns() == null ? new EchoListeners() : HelperProcess.start(options.netns());
    PodNetwork network = new PodNetwork(store, lifecycle, clock, addresses);
    network.timer.scheduleWithFixedDelay(network::sync, 0, PERIOD_MS, TimeUnit.MILLISECONDS);
    return network;
  }

  private synchronized void sync() {
    try {
      Map<String, Set<Integer>> wanted = wanted(clock.instant());
      for (String ip : List.copyOf(answering.keySet())) {
        if (!answering.get(ip).equals(wanted.get(ip))) {
          addresses.down(ip);
          answering.remove(ip);
        }
      }
      wanted.forEach(
          (ip, ports) -> {
            if (!answering.containsKey(ip)) {
              addresses.up(ip, ports);
              answering.put(ip, ports);
            }
          });
    } catch (RuntimeException e) {
      System.err.println("pod network: " + e); // the next round tries again
    }
  }

  private Map<String, Set<Integer>> wanted(Instant now) {
    Map<String, Set<Integer>> wanted = new HashMap<>();
    for (ContainerGroup g : store.all()) {
      if (g.ip() == null || !"Private".equalsIgnoreCase(ipType(g))) {
        continue;
      }
      List<ContainerTimeline> timelines =
          g.spec().containers().stream().map(c -> g.timeline(c, now, lifecycle)).toList();
      if (!"Running".equals(GroupState.instanceState(timelines))) {
        continue;
      }
      Set<Integer> ports = new TreeSet<>(g.spec().ipPorts());
      for (ContainerSpec c : g.spec().containers()) {
        ports.addAll(c.ports());
      }
      ports.removeIf(p -> p == null || p < 1 || p > 65535);
      if (!ports.isEmpty()) {
        wanted.put(g.ip(), ports);
      }
    }
    return wanted;
  }

  /** A group in a subnet without an ipAddress block still gets a private IP. */
  private static String ipType(ContainerGroup g) {
    String type = g.spec().ipAddressType();
    return type == null && !g.spec().subnetIds().isEmpty() ? "Private" : type;
  }

  @Override
  public synchronized void close() {
    timer.shutdownNow();
    addresses.close();
    answering.clear();
  }
}
