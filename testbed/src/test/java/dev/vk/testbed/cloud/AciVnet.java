package dev.vk.testbed.cloud;

import dev.vk.emulator.aci.vnet.VnetOptions;
import dev.vk.testbed.cluster.CommandResult;
import dev.vk.testbed.cluster.Commands;
import dev.vk.testbed.cluster.ControlPlane;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emulated ACI VNet of a test cluster ({@code testbed/controlplane/aci-vnet.sh}): a network
 * namespace where the subnet's addresses live, routed from the root namespace, so that pod IPs the
 * emulator hands out answer and stay inside this machine.
 */
final class AciVnet implements AutoCloseable {
  private static final Pattern OUTPUT = Pattern.compile("VNET_SUBNET=(\\S+) VNET_NETNS=(\\S+)");

  private final ControlPlane cp;
  final String subnet;
  final String netns;

  private AciVnet(ControlPlane cp, String subnet, String netns) {
    this.cp = cp;
    this.subnet = subnet;
    this.netns = netns;
  }

  /** Creates the VNet next to {@code cp}'s namespace, replacing one left behind. */
  static AciVnet up(ControlPlane cp) {
    CommandResult up = script(cp, "up").orThrow();
    Matcher m = OUTPUT.matcher(up.stdout());
    if (!m.find()) {
      throw new IllegalStateException("aci-vnet.sh up printed no subnet: " + up.stdout());
    }
    return new AciVnet(cp, m.group(1), m.group(2));
  }

  /** Emulator options whose private IPs are this subnet's, answered inside the namespace. */
  VnetOptions options() {
    return VnetOptions.inNamespace(subnet, netns);
  }

  /** Whether {@code ip} is an address of the subnet (a /24). */
  boolean contains(String ip) {
    String prefix = subnet.substring(0, subnet.lastIndexOf('.') + 1);
    return ip != null && ip.startsWith(prefix);
  }

  @Override
  public void close() {
    script(cp, "down").orThrow();
  }

  private static CommandResult script(ControlPlane cp, String action) {
    return Commands.run(
        List.of("bash", ControlPlane.scriptDir().resolve("aci-vnet.sh").toString(), action),
        Map.of("NAME", cp.netns(), "SUBNET", cp.subnet(), "STATE", cp.stateDir().toString()),
        null,
        Duration.ofSeconds(60));
  }
}
