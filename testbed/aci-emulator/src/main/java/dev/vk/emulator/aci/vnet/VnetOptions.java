package dev.vk.emulator.aci.vnet;

/**
 * The emulated VNet subnet and whether its addresses answer.
 *
 * @param subnet IPv4 CIDR that private group IPs come from, like a real ACI group in a subnet gets
 *     an address of that subnet
 * @param podNetwork whether running groups' IPs answer on their ports (a TCP echo); off by default,
 *     so emulator users without root or network namespaces are unaffected
 * @param netns the network namespace the pod network runs in (its addresses must be local there,
 *     see {@code testbed/controlplane/aci-vnet.sh}); null runs it in this process, which only suits
 *     a loopback subnet such as 127.77.0.0/24
 */
public record VnetOptions(String subnet, boolean podNetwork, String netns) {

  /** Private IPs from 10.0.0.0/16 that nothing answers on, as before the pod network existed. */
  public static VnetOptions defaults() {
    return new VnetOptions("10.0.0.0/16", false, null);
  }

  /** Private IPs from {@code cidr}, answered in this process: for a loopback subnet in tests. */
  public static VnetOptions inProcess(String cidr) {
    return new VnetOptions(cidr, true, null);
  }

  /** Private IPs from {@code cidr}, answered by one helper process inside {@code netns}. */
  public static VnetOptions inNamespace(String cidr, String netns) {
    return new VnetOptions(cidr, true, netns);
  }

  public VnetOptions {
    Subnet.parse(subnet); // fails early on a bad CIDR
  }
}
