package dev.vk.kubeletapi;

import dev.vk.kubeletapi.auth.AccessControl;
import dev.vk.kubeletapi.auth.AuthFilter;
import dev.vk.kubeletapi.http.HttpPipeline;
import dev.vk.kubeletapi.http.RequestDispatcher;
import dev.vk.kubeletapi.http.Router;
import dev.vk.kubeletapi.limits.ConnectionLimiter;
import dev.vk.kubeletapi.limits.PipelineLimiter;
import dev.vk.kubeletapi.limits.RequestReadTimeout;
import dev.vk.kubeletapi.limits.ServerLimits;
import dev.vk.kubeletapi.spi.KubeletApiListener;
import dev.vk.kubeletapi.tls.ReloadingTls;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.time.Duration;
import java.util.concurrent.Executor;

/** Admits a new connection (or closes it) and assembles its HTTP-phase pipeline. */
final class KubeletApiInitializer extends ChannelInitializer<SocketChannel> {
  /** As the kubelet's Go server: headers up to 1 MiB. */
  static final int MAX_HEADER_BYTES = 1 << 20;

  static final int MAX_INITIAL_LINE = 64 * 1024;

  /** Kubelet requests carry no real bodies; this bounds what a client can make us hold. */
  static final int MAX_BODY_BYTES = 64 * 1024;

  private final ReloadingTls tls;
  private final Router router;
  private final AccessControl accessControl;
  private final Executor auth;
  private final Executor blocking;
  private final Duration httpIdleTimeout;
  private final ServerLimits limits;
  private final ConnectionLimiter connections;
  private final KubeletApiListener listener;

  /**
   * @param accessControl null in insecure mode
   * @param auth runs authentication and authorization, which may block
   * @param blocking runs the routes' short calls that may block (lookups)
   */
  KubeletApiInitializer(
      ReloadingTls tls,
      Router router,
      AccessControl accessControl,
      Executor auth,
      Executor blocking,
      Duration httpIdleTimeout,
      ServerLimits limits,
      ConnectionLimiter connections,
      KubeletApiListener listener) {
    this.tls = tls;
    this.router = router;
    this.accessControl = accessControl;
    this.auth = auth;
    this.blocking = blocking;
    this.httpIdleTimeout = httpIdleTimeout;
    this.limits = limits;
    this.connections = connections;
    this.listener = listener;
  }

  @Override
  protected void initChannel(SocketChannel channel) {
    if (!connections.admit(channel)) {
      channel.close();
      return;
    }
    RequestReadTimeout readTimeout = new RequestReadTimeout(limits.requestReadTimeout());
    ChannelPipeline p = channel.pipeline();
    p.addLast(HttpPipeline.TLS, tls.current().newHandler(channel.alloc()));
    p.addLast(HttpPipeline.READ_TIMER, readTimeout.start());
    p.addLast(HttpPipeline.CODEC, new HttpServerCodec(MAX_INITIAL_LINE, MAX_HEADER_BYTES, 8192));
    p.addLast(HttpPipeline.IDLE, HttpPipeline.idleTimer(httpIdleTimeout));
    p.addLast(HttpPipeline.AGGREGATOR, new HttpObjectAggregator(MAX_BODY_BYTES));
    p.addLast(HttpPipeline.READ_DONE, readTimeout.finish());
    p.addLast(HttpPipeline.PIPELINE_LIMIT, new PipelineLimiter(limits.maxPipelinedRequests()));
    if (accessControl != null) {
      p.addLast(HttpPipeline.AUTH, new AuthFilter(accessControl, auth));
    }
    p.addLast(HttpPipeline.DISPATCHER, new RequestDispatcher(router, blocking, listener));
  }
}
