package dev.vk.kubeletapi.limits;

import io.netty.channel.Channel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caps open connections, in all and per remote address. A connection over a cap is closed before
 * TLS starts, so it costs a file descriptor for a moment and nothing more. Thread-safe; shared by
 * every connection of a server.
 */
public final class ConnectionLimiter {
  private static final Logger log = LoggerFactory.getLogger(ConnectionLimiter.class);

  private final int max;
  private final int maxPerAddress;
  private final AtomicInteger open = new AtomicInteger();
  private final Map<InetAddress, AtomicInteger> byAddress = new ConcurrentHashMap<>();
  private final AtomicLong refused = new AtomicLong();

  /**
   * @param maxPerAddress 0 for no per-address cap
   */
  public ConnectionLimiter(int max, int maxPerAddress) {
    this.max = max;
    this.maxPerAddress = maxPerAddress;
  }

  /**
   * Counts {@code channel} until it closes and returns true, or returns false when a cap is reached
   * (the caller closes it). Does not block.
   */
  public boolean admit(Channel channel) {
    InetAddress address = address(channel.remoteAddress());
    if (open.incrementAndGet() > max) {
      open.decrementAndGet();
      return refuse(channel, "the node's " + max + " connections are open");
    }
    if (maxPerAddress > 0 && address != null) {
      AtomicInteger mine = byAddress.computeIfAbsent(address, a -> new AtomicInteger());
      if (mine.incrementAndGet() > maxPerAddress) {
        release(address);
        open.decrementAndGet();
        return refuse(channel, maxPerAddress + " connections from " + address + " are open");
      }
    }
    channel
        .closeFuture()
        .addListener(
            f -> {
              open.decrementAndGet();
              if (maxPerAddress > 0 && address != null) {
                release(address);
              }
            });
    return true;
  }

  /** Connections open now. */
  public int open() {
    return open.get();
  }

  /** Connections refused since start. */
  public long refused() {
    return refused.get();
  }

  private boolean refuse(Channel channel, String why) {
    long count = refused.incrementAndGet();
    // One line per thousand: a flood must not flood the log too.
    if (count % 1000 == 1) {
      log.warn(
          "refusing connection from {}: {} ({} refused so far)",
          channel.remoteAddress(),
          why,
          count);
    }
    return false;
  }

  private void release(InetAddress address) {
    byAddress.computeIfPresent(address, (a, n) -> n.decrementAndGet() <= 0 ? null : n);
  }

  private static InetAddress address(SocketAddress remote) {
    return remote instanceof InetSocketAddress inet ? inet.getAddress() : null;
  }
}
