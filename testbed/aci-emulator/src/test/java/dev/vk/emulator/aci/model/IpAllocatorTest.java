package dev.vk.emulator.aci.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vk.emulator.aci.vnet.Subnet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Private IPs come from the VNet subnet, as a real group in a subnet gets one of its addresses. */
class IpAllocatorTest {

  @Test
  void privateAddressesAreTheSubnetsSkippingWhatAzureReserves() {
    IpAllocator ips = new IpAllocator(Subnet.parse("10.244.128.0/29"));
    Set<String> used = new HashSet<>();

    List<String> given = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String ip = ips.nextPrivate(used::contains);
      used.add(ip);
      given.add(ip);
    }

    // .0-.3 are reserved, .7 is the broadcast address: a /29 has three for groups.
    assertThat(given).containsExactly("10.244.128.4", "10.244.128.5", "10.244.128.6");
    assertThatThrownBy(() -> ips.nextPrivate(used::contains))
        .hasMessageContaining("subnet 10.244.128.0/29 has no free address");
  }

  @Test
  void aFreedAddressIsReusedOnlyAfterTheOthers() {
    IpAllocator ips = new IpAllocator(Subnet.parse("10.1.0.0/29"));
    Set<String> used = new HashSet<>();
    used.add(ips.nextPrivate(used::contains));
    used.add(ips.nextPrivate(used::contains));

    used.remove("10.1.0.4"); // its group was deleted

    assertThat(ips.nextPrivate(used::contains)).isEqualTo("10.1.0.6");
    used.add("10.1.0.6");
    assertThat(ips.nextPrivate(used::contains))
        .as("after going round the subnet")
        .isEqualTo("10.1.0.4");
  }

  @Test
  void publicAddressesStayIn20Slash8() {
    IpAllocator ips = new IpAllocator(Subnet.parse("10.0.0.0/16"));

    assertThat(ips.nextPublic()).isEqualTo("20.0.0.4");
    assertThat(ips.nextPublic()).isEqualTo("20.0.0.5");
  }

  @Test
  void aBadSubnetIsRefused() {
    assertThatThrownBy(() -> Subnet.parse("10.1.0.0")).hasMessageContaining("not an IPv4 CIDR");
    assertThatThrownBy(() -> Subnet.parse("10.1.0.0/31")).hasMessageContaining("/8 to /29");
    assertThatThrownBy(() -> Subnet.parse("10.1.300.0/24")).hasMessageContaining("not an IPv4");
  }
}
