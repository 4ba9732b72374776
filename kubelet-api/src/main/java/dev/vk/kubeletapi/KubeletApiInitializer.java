package dev.vk.kubeletapi;

import dev.vk.kubeletapi.auth.AccessControl;
import dev.vk.kubeletapi.auth.AuthFilter;
import dev.vk.kubeletapi.http.HttpPipeline;
import dev.vk.kubeletapi.http.RequestDispatcher;
import dev.vk.kubeletapi.http.Router;
import dev.vk.kubeletapi.spi.KubeletApiListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import java.time.Duration;
import java.util.concurrent.Executor;

/** Assembles a new connection's HTTP-phase pipeline. */
final class KubeletApiInitializer extends ChannelInitializer<SocketChannel> {
  /** As the kubelet's Go server: headers up to 1 MiB. */
  static final int MAX_HEADER_BYTES = 1 << 20;

  static final int MAX_INITIAL_LINE = 64 * 1024;

  /** Kubelet requests carry no real bodies; this bounds what a client can make us hold. */
  static final int MAX_BODY_BYTES = 64 * 1024;

  private final SslContext ssl;
  private final Router router;
  private final AccessControl accessControl;
  private final Executor blocking;
  private final Duration httpIdleTimeout;
  private final KubeletApiListener listener;

  /**
   * @param accessControl null in insecure mode
   */
  KubeletApiInitializer(
      SslContext ssl,
      Router router,
      AccessControl accessControl,
      Executor blocking,
      Duration httpIdleTimeout,
      KubeletApiListener listener) {
    this.ssl = ssl;
    this.router = router;
    this.accessControl = accessControl;
    this.blocking = blocking;
    this.httpIdleTimeout = httpIdleTimeout;
    this.listener = listener;
  }

  @Override
  protected void initChannel(SocketChannel channel) {
    ChannelPipeline p = channel.pipeline();
    p.addLast(HttpPipeline.TLS, ssl.newHandler(channel.alloc()));
    p.addLast(HttpPipeline.CODEC, new HttpServerCodec(MAX_INITIAL_LINE, MAX_HEADER_BYTES, 8192));
    p.addLast(HttpPipeline.IDLE, HttpPipeline.idleTimer(httpIdleTimeout));
    p.addLast(HttpPipeline.AGGREGATOR, new HttpObjectAggregator(MAX_BODY_BYTES));
    if (accessControl != null) {
      p.addLast(HttpPipeline.AUTH, new AuthFilter(accessControl, blocking));
    }
    p.addLast(HttpPipeline.DISPATCHER, new RequestDispatcher(router, blocking, listener));
  }
}
