package dev.vk.emulator.aci.vnet;

import java.util.Set;

/** Where group IPs answer: in this process or in a helper inside a network namespace. */
interface PodAddresses extends AutoCloseable {

  /** Starts answering on these ports of {@code ip}. Not idempotent: take the IP down first. */
  void up(String ip, Set<Integer> ports);

  /** Stops answering on {@code ip} and drops its connections. Idempotent. */
  void down(String ip);

  @Override
  void close();
}
