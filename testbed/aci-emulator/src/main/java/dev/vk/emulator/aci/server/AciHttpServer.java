package dev.vk.emulator.aci.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/** Binds the emulator's port and owns its event loops; nothing else. */
public final class AciHttpServer implements AutoCloseable {

  /** Two loops suffice: every operation is in-memory and non-blocking. */
  private static final int EVENT_LOOPS = 2;

  private final EventLoopGroup group;
  private final Channel channel;

  private AciHttpServer(EventLoopGroup group, Channel channel) {
    this.group = group;
    this.channel = channel;
  }

  /** Binds {@code address:port} (0 for any free port) and serves with {@code initializer}. */
  public static AciHttpServer bind(
      String address, int port, ChannelInitializer<Channel> initializer)
      throws InterruptedException {
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(EVENT_LOOPS, NioIoHandler.newFactory());
    try {
      Channel channel =
          new ServerBootstrap()
              .group(group)
              .channel(NioServerSocketChannel.class)
              .childHandler(initializer)
              .bind(address, port)
              .sync()
              .channel();
      return new AciHttpServer(group, channel);
    } catch (InterruptedException | RuntimeException e) {
      group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      throw e;
    }
  }

  /** The bound port. */
  public int port() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  /** Stops listening and releases the event loops. */
  @Override
  public void close() {
    channel.close().syncUninterruptibly();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
