package dev.vk.emulator.aci.model;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands out unique, deterministic addresses: public ones from 20.0.0.0/8 and private ones from
 * 10.0.0.0/8, skipping the first four of each range as Azure subnets reserve them.
 */
public final class IpAllocator {

  private static final int FIRST_HOST = 4;

  private final AtomicInteger nextPublic = new AtomicInteger(FIRST_HOST);
  private final AtomicInteger nextPrivate = new AtomicInteger(FIRST_HOST);

  /** The next public address. */
  public String nextPublic() {
    return format(20, nextPublic.getAndIncrement());
  }

  /** The next private (VNet) address. */
  public String nextPrivate() {
    return format(10, nextPrivate.getAndIncrement());
  }

  private static String format(int first, int n) {
    return first + "." + ((n >> 16) & 0xff) + "." + ((n >> 8) & 0xff) + "." + (n & 0xff);
  }
}
