package dev.vk.emulator.aci;

import dev.vk.emulator.aci.lifecycle.LifecycleSettings;
import dev.vk.emulator.aci.vnet.VnetOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * How to run an {@link AciEmulator}. Start from {@link #defaults()} and change what you need with
 * the {@code with*} methods; {@link #fromArgs} reads the same settings from command-line flags.
 *
 * @param bindAddress address to listen on
 * @param hostname host name in URLs and the server certificate
 * @param port port, 0 for any free one
 * @param subscriptionId the one subscription that exists
 * @param tenantId the tenant of the fake identity provider
 * @param resourceGroups resource groups that exist; empty means every name exists
 * @param stateDir where the CA is kept; null for a fresh temporary directory
 * @param pageSize items per page of list results
 * @param maxCpuPerGroup regional maximum of cores per group
 * @param maxMemoryGbPerGroup regional maximum of memory per group
 * @param maxContainerGroups quota of groups per subscription, 0 for none
 * @param lifecycle lifecycle timings
 * @param clock the time source of the simulation and the call timeline
 * @param seed seed for percentage-based faults
 * @param vnet the VNet subnet of private IPs and the opt-in pod network
 */
public record AciEmulatorOptions(
    String bindAddress,
    String hostname,
    int port,
    String subscriptionId,
    String tenantId,
    Set<String> resourceGroups,
    Path stateDir,
    int pageSize,
    double maxCpuPerGroup,
    double maxMemoryGbPerGroup,
    int maxContainerGroups,
    LifecycleSettings lifecycle,
    Clock clock,
    long seed,
    VnetOptions vnet) {

  /** Loopback, any free port, fixed ids, ACI's default 4 cores / 16 GB per group. */
  public static AciEmulatorOptions defaults() {
    return new AciEmulatorOptions(
        "127.0.0.1",
        "127.0.0.1",
        0,
        "00000000-0000-0000-0000-00000000aaaa",
        "00000000-0000-0000-0000-00000000bbbb",
        Set.of(),
        null,
        100,
        4,
        16,
        0,
        LifecycleSettings.defaults(),
        Clock.systemUTC(),
        42,
        VnetOptions.defaults());
  }

  /** Listen on {@code port} (0 for any). */
  public AciEmulatorOptions withPort(int newPort) {
    return edit(o -> o.port = newPort);
  }

  /** Listen on {@code address} and advertise {@code name} in URLs and the certificate. */
  public AciEmulatorOptions withHost(String address, String name) {
    return edit(
        o -> {
          o.bindAddress = address;
          o.hostname = name;
        });
  }

  /** Use these subscription and tenant ids. */
  public AciEmulatorOptions withIds(String subscription, String tenant) {
    return edit(
        o -> {
          o.subscriptionId = subscription;
          o.tenantId = tenant;
        });
  }

  /** Only these resource groups exist (others answer ResourceGroupNotFound). */
  public AciEmulatorOptions withResourceGroups(String... names) {
    Set<String> lower = new LinkedHashSet<>();
    for (String name : names) {
      lower.add(name.toLowerCase(Locale.ROOT));
    }
    return edit(o -> o.resourceGroups = Set.copyOf(lower));
  }

  /** Keep the CA in {@code dir}, so it survives restarts. */
  public AciEmulatorOptions withStateDir(Path dir) {
    return edit(o -> o.stateDir = dir);
  }

  /** Page list results by {@code size} items. */
  public AciEmulatorOptions withPageSize(int size) {
    return edit(o -> o.pageSize = size);
  }

  /** Per-group resource maximum and the subscription's group quota (0 for none). */
  public AciEmulatorOptions withLimits(double cpu, double memoryGb, int groups) {
    return edit(
        o -> {
          o.maxCpuPerGroup = cpu;
          o.maxMemoryGbPerGroup = memoryGb;
          o.maxContainerGroups = groups;
        });
  }

  /** Use these lifecycle timings. */
  public AciEmulatorOptions withLifecycle(LifecycleSettings settings) {
    return edit(o -> o.lifecycle = settings);
  }

  /** Shortcut: images "pull" for {@code pull}; other timings unchanged. */
  public AciEmulatorOptions withPullTime(Duration pull) {
    LifecycleSettings l = lifecycle;
    return withLifecycle(
        new LifecycleSettings(
            pull, l.minimumRunTime(), l.restartBackoff(), l.maxRestartBackoff(), l.maxLogLines()));
  }

  /** Use {@code source} for time (the simulation and the call timeline). */
  public AciEmulatorOptions withClock(Clock source) {
    return edit(o -> o.clock = source);
  }

  /** Private IPs from this VNet, answered or not as it says. */
  public AciEmulatorOptions withVnet(VnetOptions newVnet) {
    return edit(o -> o.vnet = newVnet);
  }

  /** A copy with {@code change} applied to an editable version of these options. */
  private AciEmulatorOptions edit(Consumer<Editable> change) {
    Editable o = new Editable(this);
    change.accept(o);
    return o.build();
  }

  /** The components as fields, so each {@code with*} method names only what it changes. */
  private static final class Editable {
    String bindAddress;
    String hostname;
    int port;
    String subscriptionId;
    String tenantId;
    Set<String> resourceGroups;
    Path stateDir;
    int pageSize;
    double maxCpuPerGroup;
    double maxMemoryGbPerGroup;
    int maxContainerGroups;
    LifecycleSettings lifecycle;
    Clock clock;
    long seed;
    VnetOptions vnet;

    Editable(AciEmulatorOptions o) {
      bindAddress = o.bindAddress;
      hostname = o.hostname;
      port = o.port;
      subscriptionId = o.subscriptionId;
      tenantId = o.tenantId;
      resourceGroups = o.resourceGroups;
      stateDir = o.stateDir;
      pageSize = o.pageSize;
      maxCpuPerGroup = o.maxCpuPerGroup;
      maxMemoryGbPerGroup = o.maxMemoryGbPerGroup;
      maxContainerGroups = o.maxContainerGroups;
      lifecycle = o.lifecycle;
      clock = o.clock;
      seed = o.seed;
      vnet = o.vnet;
    }

    AciEmulatorOptions build() {
      return new AciEmulatorOptions(
          bindAddress,
          hostname,
          port,
          subscriptionId,
          tenantId,
          resourceGroups,
          stateDir,
          pageSize,
          maxCpuPerGroup,
          maxMemoryGbPerGroup,
          maxContainerGroups,
          lifecycle,
          clock,
          seed,
          vnet);
    }
  }

  /**
   * Reads flags: {@code --port N --bind ADDR --hostname NAME --subscription ID --tenant ID
   * --resource-group NAME (repeatable or comma-separated) --state-dir DIR --page-size N
   * --pull-seconds S --max-cpu N --max-memory-gb N --max-groups N --vnet-subnet CIDR
   * --pod-network-netns NAME}.
   */
  public static AciEmulatorOptions fromArgs(String... args) {
    return new OptionsParser(defaults()).parse(List.of(args));
  }
}
