package dev.vk.emulator.aci.model;

import dev.vk.emulator.aci.vnet.Subnet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Hands out unique, deterministic addresses: public ones from 20.0.0.0/8 and private ones from the
 * VNet subnet, skipping the first four and the last address of each range as Azure subnets reserve
 * them. Private addresses go round the subnet, so a freed one is reused only after the others.
 */
public final class IpAllocator {

  private static final int FIRST_HOST = 4;

  private final AtomicInteger nextPublic = new AtomicInteger(FIRST_HOST);
  private final Subnet subnet;
  private int nextPrivate = FIRST_HOST;

  public IpAllocator(Subnet privateSubnet) {
    this.subnet = privateSubnet;
  }

  /** The next public address. */
  public String nextPublic() {
    int n = nextPublic.getAndIncrement();
    return "20." + ((n >> 16) & 0xff) + "." + ((n >> 8) & 0xff) + "." + (n & 0xff);
  }

  /**
   * The next private (VNet) address that {@code inUse} does not claim.
   *
   * @throws IllegalStateException when every address of the subnet is in use
   */
  public synchronized String nextPrivate(Predicate<String> inUse) {
    int hosts = subnet.size() - FIRST_HOST - 1;
    for (int tried = 0; tried < hosts; tried++) {
      String candidate = subnet.address(nextPrivate);
      nextPrivate = nextPrivate + 1 >= subnet.size() - 1 ? FIRST_HOST : nextPrivate + 1;
      if (!inUse.test(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("subnet " + subnet + " has no free address");
  }
}
